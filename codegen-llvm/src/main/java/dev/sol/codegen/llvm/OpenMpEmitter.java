package dev.sol.codegen.llvm;

import static dev.sol.codegen.llvm.LlvmNative.ptrs;
import static org.bytedeco.llvm.global.LLVM.*;

import dev.sol.dialect.scf.ParallelOp;
import dev.sol.ir.*;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.llvm.LLVM.*;

/**
 * An outermost scf.parallel on a team of OpenMP threads, as MLIR's scf-to-openmp and its
 * OpenMP-to-LLVM translation do it: the loop is outlined, and the parent calls
 * {@code GOMP_parallel(fn, &context, threads, 0)}, which runs {@code fn(&context)} on every
 * thread of the team (the caller is one of them) and returns when all have finished.
 * {@code context} holds the values the loop uses from outside (those that are not LLVM
 * constants), stored in a struct in the parent's frame, and one counter per thread of the
 * team it was made for. The loop nest is numbered row-major and cut into one range per
 * thread, which an atomic add on the range's counter hands out in chunks that halve: the first
 * half of the range, then half of what is left, and so on down to single iterations (guided
 * scheduling within the range). Thread t takes the chunks of range t first, then what is left
 * of the others' ranges: a static split made every region wait for its slowest thread (on a
 * shared machine, or beside the JVM's compiler and GC threads, some thread is often slow, which
 * took the whole gain of a second thread), and one shared counter (OpenMP's dynamic schedule)
 * gave each thread any chunks, so that a layer's part, split to match the layer before it, ran
 * on whichever core came first: on two cores with caches of their own (two CCDs of Zen 5) it
 * read half its input from the other's. Ranges first, against the shared counter, two threads,
 * deployed A/B: DenseNet-121 0.941, MobileNet-v2 0.953, ShuffleNet v2 0.964, SqueezeNet 0.969,
 * the text recognizer 0.978, ResNet-50 0.980, the OCR CNN 0.982, Inception-v1 0.993. The chunks
 * halve so that a core some 10% slower than the other still has a chunk left to take at the
 * end: with four equal chunks per range (the earlier scheme), it was already in its last one
 * when the faster core finished, which then waited for it. A smaller team than the code's (a
 * call from inside an application's own parallel region, or OMP_THREAD_LIMIT) still runs
 * every range. Which thread computes an iteration does not change its result, so results stay
 * those of one thread, bit for bit.
 *
 * <p>The outlined code is two functions: {@code fn} loads the context and calls the body
 * function, whose parameters are the captured values, those pointers marked noalias whose
 * buffers no other value of the loop reaches ({@link BufferRoots}). The inliner turns those
 * attributes into alias scopes, so the loop keeps the aliasing facts that the entry
 * function's noalias arguments gave it.
 *
 * <p>libgomp's entry points rather than LLVM's ({@code __kmpc_fork_call}): libgomp comes with
 * gcc on every Linux system (a deployed library links {@code -lgomp}), LLVM's libomp implements
 * them too (the JIT loads libomp where it is installed, else libgomp: {@link OpenMpRuntime}),
 * and its entry point takes one pointer, where {@code __kmpc_fork_call} is variadic and needs
 * an ident struct. Both keep a team of threads per calling thread.
 */
final class OpenMpEmitter {
  private final LlvmEmitter e;
  private int outlined;
  private int depth;

  OpenMpEmitter(LlvmEmitter e) { this.e = e; }

  /** True while emitting the body of a parallel loop: an scf.parallel there runs serially on its thread. */
  boolean inParallelRegion() { return depth > 0; }

  List<LLVMValueRef> parallel(ParallelOp op) {
    LLVMBuilderRef b = e.builder();
    LLVMContextRef ctx = e.context();
    LLVMValueRef parent = e.function();
    LLVMBasicBlockRef resume = LLVMGetInsertBlock(b);
    List<Value> captured = KernelOutliner.captures(e, op);
    LLVMTypeRef[] types = new LLVMTypeRef[captured.size()];
    for (int i = 0; i < types.length; i++) types[i] = LLVMTypeOf(e.v(captured.get(i)));
    String name = LLVMGetValueName(parent).getString() + ".omp." + outlined++;
    LLVMTypeRef[] fields = java.util.Arrays.copyOf(types, types.length + 1);
    fields[types.length] = LLVMArrayType2(e.i64(), e.threads());
    LLVMTypeRef context = LLVMStructTypeInContext(ctx, ptrs(fields), fields.length, 0);
    LLVMValueRef body = body(op, captured, types, name + ".body");
    LLVMValueRef fn = wrapper(context, types, body, name);
    e.setFunction(parent);
    LLVMPositionBuilderAtEnd(b, resume);
    LLVMValueRef data = e.entryAlloca(context, "omp.context");
    for (int i = 0; i < types.length; i++) LLVMBuildStore(b, e.v(captured.get(i)), LLVMBuildStructGEP2(b, context, data, i, ""));
    LLVMValueRef counters = LLVMBuildStructGEP2(b, context, data, types.length, "omp.next");
    for (int t = 0; t < e.threads(); t++) {
      LLVMBuildStore(b, e.i64(0), LLVMBuildGEP2(b, e.i64(), counters, ptrs(e.i64(t)), 1, ""));
    }
    e.callRuntime("GOMP_parallel", LLVMVoidTypeInContext(ctx), fn, data, e.i32(e.threads()), e.i32(0));
    return List.of();
  }

  /**
   * {@code void name(captured..., ptr next, i32 thread)}: takes chunks of iterations from the
   * counters {@code next} (one per range), its own range's first, until none are left, each
   * iteration with its induction variables recovered from its row-major number.
   */
  private LLVMValueRef body(ParallelOp op, List<Value> captured, LLVMTypeRef[] types, String name) {
    LLVMContextRef ctx = e.context();
    LLVMBuilderRef b = e.builder();
    LLVMTypeRef[] params = new LLVMTypeRef[types.length + 2];
    System.arraycopy(types, 0, params, 0, types.length);
    params[types.length] = e.ptrType();
    params[types.length + 1] = LLVMInt32TypeInContext(ctx);
    LLVMValueRef fn = LLVMAddFunction(e.module(), name, LLVMFunctionType(LLVMVoidTypeInContext(ctx), ptrs(params), params.length, 0));
    LLVMSetLinkage(fn, LLVMInternalLinkage);
    // Not inlined into its wrapper: LLVM simplified the whole loop nest once as this function
    // and again, after inlining, as the wrapper (ResNet-50 on two threads: optimize and codegen
    // 1.5-2 s, against 0.4 s with one thread). One call per thread and region is all it costs.
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(ctx, LLVMGetEnumAttributeKindForName("noinline", 8), 0));
    Set<Value> distinct = BufferRoots.distinct(op, captured);
    for (int i = 0; i < captured.size(); i++) if (distinct.contains(captured.get(i))) e.noalias(fn, i);
    Map<Value, LLVMValueRef> saved = new IdentityHashMap<>();
    for (int i = 0; i < captured.size(); i++) {
      saved.put(captured.get(i), e.bound(captured.get(i)));
      e.rebind(captured.get(i), LLVMGetParam(fn, i));
    }
    e.setFunction(fn);
    LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(ctx, fn, "entry"));
    int dims = op.lowerBounds().size();
    LLVMValueRef[] trips = new LLVMValueRef[dims];
    LLVMValueRef total = e.i64(1);
    for (int d = 0; d < dims; d++) {
      trips[d] = tripCount(e.v(op.lowerBounds().get(d)), e.v(op.upperBounds().get(d)), e.v(op.steps().get(d)));
      total = LLVMBuildMul(b, total, trips[d], "");
    }
    // The iterations in one range per thread of the team the code was made for, each range in
    // halving chunks (see guided) whose numbers a counter of its own hands out: thread t takes
    // its own range's chunks first, then those left in the others' ranges, from range t + 1 on.
    long ranges = e.threads();
    LLVMValueRef tid = LLVMBuildZExt(b, LLVMGetParam(fn, types.length + 1), e.i64(), "tid");
    LLVMBasicBlockRef entry = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef outer = e.appendBlock("omp.range");
    LLVMBasicBlockRef range = e.appendBlock("omp.range.body");
    LLVMBasicBlockRef take = e.appendBlock("omp.take");
    LLVMBasicBlockRef run = e.appendBlock("omp.run");
    LLVMBasicBlockRef nextRange = e.appendBlock("omp.range.next");
    LLVMBasicBlockRef done = e.appendBlock("omp.done");
    LLVMBuildBr(b, outer);
    LLVMPositionBuilderAtEnd(b, outer);
    LLVMValueRef j = LLVMBuildPhi(b, e.i64(), "j");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULT, j, e.i64(ranges), ""), range, done);
    LLVMPositionBuilderAtEnd(b, range);
    LLVMValueRef u = LLVMBuildURem(b, LLVMBuildAdd(b, tid, j, ""), e.i64(ranges), "u");
    LLVMValueRef lo = LLVMBuildUDiv(b, LLVMBuildMul(b, u, total, ""), e.i64(ranges), "lo");
    LLVMValueRef hi = LLVMBuildUDiv(b, LLVMBuildMul(b, LLVMBuildAdd(b, u, e.i64(1), ""), total, ""), e.i64(ranges), "hi");
    LLVMValueRef size = LLVMBuildSub(b, hi, lo, "size");
    LLVMValueRef counter = LLVMBuildGEP2(b, e.i64(), LLVMGetParam(fn, types.length), ptrs(u), 1, "counter");
    LLVMBuildBr(b, take);
    LLVMPositionBuilderAtEnd(b, take);
    LLVMValueRef c = LLVMBuildAtomicRMW(b, LLVMAtomicRMWBinOpAdd, counter, e.i64(1), LLVMAtomicOrderingMonotonic, 0);
    LLVMValueRef begin = LLVMBuildAdd(b, lo, guided(size, c), "begin");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULT, begin, hi, ""), run, nextRange);
    LLVMPositionBuilderAtEnd(b, run);
    depth++;
    loop(op, begin, LLVMBuildAdd(b, lo, guided(size, LLVMBuildAdd(b, c, e.i64(1), "")), "end"), trips);
    depth--;
    LLVMBuildBr(b, take);
    LLVMPositionBuilderAtEnd(b, nextRange);
    LLVMValueRef jNext = LLVMBuildAdd(b, j, e.i64(1), "j.next");
    LLVMBuildBr(b, outer);
    LLVMAddIncoming(j, ptrs(e.i64(0), jNext), ptrs(entry, nextRange), 2);
    LLVMPositionBuilderAtEnd(b, done);
    LLVMBuildRetVoid(b);
    for (Map.Entry<Value, LLVMValueRef> s : saved.entrySet()) e.rebind(s.getKey(), s.getValue());
    return fn;
  }

  /** for (k = begin; k < end; k++) { the induction variables of iteration k; the body }. */
  private void loop(ParallelOp op, LLVMValueRef begin, LLVMValueRef end, LLVMValueRef[] trips) {
    LLVMBuilderRef b = e.builder();
    LLVMBasicBlockRef pre = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef header = e.appendBlock("omp.header");
    LLVMBasicBlockRef bodyBlock = e.appendBlock("omp.body");
    LLVMBasicBlockRef exit = e.appendBlock("omp.exit");
    LLVMBuildBr(b, header);
    LLVMPositionBuilderAtEnd(b, header);
    LLVMValueRef k = LLVMBuildPhi(b, e.i64(), "k");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULT, k, end, ""), bodyBlock, exit);
    LLVMPositionBuilderAtEnd(b, bodyBlock);
    LLVMValueRef rest = k;
    for (int d = trips.length - 1; d >= 0; d--) {
      LLVMValueRef index = rest;
      if (d > 0) {
        index = LLVMBuildURem(b, rest, trips[d], "");
        rest = LLVMBuildUDiv(b, rest, trips[d], "");
      }
      LLVMValueRef iv = LLVMBuildAdd(b, e.v(op.lowerBounds().get(d)), LLVMBuildMul(b, index, e.v(op.steps().get(d)), ""), "iv");
      e.bind(op.body().argument(d), iv);
    }
    e.emitBlock(op.body());
    LLVMValueRef next = LLVMBuildAdd(b, k, e.i64(1), "k.next");
    LLVMBasicBlockRef latch = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, header);
    LLVMAddIncoming(k, ptrs(begin, next), ptrs(pre, latch), 2);
    LLVMPositionBuilderAtEnd(b, exit);
  }

  /** {@code void name(ptr context)}: what GOMP_parallel runs on each thread; loads the context and calls the body with the counters and the thread's number. */
  private LLVMValueRef wrapper(LLVMTypeRef context, LLVMTypeRef[] types, LLVMValueRef body, String name) {
    LLVMContextRef ctx = e.context();
    LLVMBuilderRef b = e.builder();
    LLVMTypeRef ptr = e.ptrType();
    LLVMValueRef fn = LLVMAddFunction(e.module(), name, LLVMFunctionType(LLVMVoidTypeInContext(ctx), ptrs(ptr), 1, 0));
    LLVMSetLinkage(fn, LLVMInternalLinkage);
    e.setFunction(fn);
    LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(ctx, fn, "entry"));
    LLVMValueRef[] args = new LLVMValueRef[types.length + 2];
    for (int i = 0; i < types.length; i++) {
      args[i] = LLVMBuildLoad2(b, types[i], LLVMBuildStructGEP2(b, context, LLVMGetParam(fn, 0), i, ""), "");
    }
    args[types.length] = LLVMBuildStructGEP2(b, context, LLVMGetParam(fn, 0), types.length, "next");
    args[types.length + 1] = e.callRuntime("omp_get_thread_num", LLVMInt32TypeInContext(ctx));
    LLVMBuildCall2(b, LLVMGlobalGetValueType(body), body, ptrs(args), args.length, "");
    LLVMBuildRetVoid(b);
    return fn;
  }

  /** Iterations of lb, lb + step, ... below ub (none when ub <= lb); steps are positive. */
  private LLVMValueRef tripCount(LLVMValueRef lb, LLVMValueRef ub, LLVMValueRef step) {
    LLVMBuilderRef b = e.builder();
    LLVMValueRef span = LLVMBuildSub(b, ub, lb, "");
    span = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSGT, span, e.i64(0), ""), span, e.i64(0), "");
    return LLVMBuildUDiv(b, LLVMBuildAdd(b, span, LLVMBuildSub(b, step, e.i64(1), ""), ""), step, "trips");
  }

  /**
   * Where chunk {@code c} of a range of {@code size} iterations begins, from the range's start:
   * size - floor(size / 2^c). Chunk 0 is the first half (rounded up), and each next one half of
   * what is left, down to single iterations; from c = 63 on (the shift clamped, as LLVM's shifts
   * by 64 or more are poison), the range's end, as a trip count is below 2^63.
   */
  private LLVMValueRef guided(LLVMValueRef size, LLVMValueRef c) {
    LLVMBuilderRef b = e.builder();
    return LLVMBuildSub(b, size, LLVMBuildLShr(b, size, umin(c, e.i64(63)), ""), "");
  }

  private LLVMValueRef umin(LLVMValueRef x, LLVMValueRef y) {
    LLVMBuilderRef b = e.builder();
    return LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntULT, x, y, ""), x, y, "");
  }
}
