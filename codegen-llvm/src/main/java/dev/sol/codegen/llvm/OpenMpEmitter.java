package dev.sol.codegen.llvm;

import static dev.sol.codegen.llvm.LlvmNative.ptrs;
import static org.bytedeco.llvm.global.LLVM.*;

import dev.sol.dialect.scf.ParallelOp;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.Collections;
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
 * constants), stored in a struct in the parent's frame. Each thread takes a static,
 * contiguous share of the iterations: the loop nest is numbered row-major and split into
 * {@code omp_get_num_threads()} chunks by {@code omp_get_thread_num()}, so a thread count gives
 * the same partition on every run.
 *
 * <p>The outlined code is two functions: {@code fn} loads the context and calls the body
 * function, whose parameters are the captured values, those pointers marked noalias whose
 * buffers no other value of the loop reaches ({@link BufferRoots}). The inliner turns those
 * attributes into alias scopes, so the loop keeps the aliasing facts that the entry
 * function's noalias arguments gave it.
 *
 * <p>libgomp rather than LLVM's libomp ({@code __kmpc_fork_call}): libgomp comes with gcc on
 * every Linux system (the JIT loads {@code libgomp.so.1}, a deployed library links
 * {@code -lgomp}), and its entry point takes one pointer, where {@code __kmpc_fork_call} is
 * variadic and needs an ident struct. Both keep a team of threads per calling thread.
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
    List<Value> captured = captures(op);
    LLVMTypeRef[] types = new LLVMTypeRef[captured.size()];
    for (int i = 0; i < types.length; i++) types[i] = LLVMTypeOf(e.v(captured.get(i)));
    String name = LLVMGetValueName(parent).getString() + ".omp." + outlined++;
    LLVMTypeRef context = LLVMStructTypeInContext(ctx, ptrs(types), types.length, 0);
    LLVMValueRef body = body(op, captured, types, name + ".body");
    LLVMValueRef fn = wrapper(context, types, body, name);
    e.setFunction(parent);
    LLVMPositionBuilderAtEnd(b, resume);
    LLVMValueRef data = LLVMConstPointerNull(e.ptrType());
    if (types.length > 0) {
      data = e.entryAlloca(context, "omp.context");
      for (int i = 0; i < types.length; i++) LLVMBuildStore(b, e.v(captured.get(i)), LLVMBuildStructGEP2(b, context, data, i, ""));
    }
    e.callRuntime("GOMP_parallel", LLVMVoidTypeInContext(ctx), fn, data, e.i32(e.threads()), e.i32(0));
    return List.of();
  }

  /** The values defined outside {@code op} that it uses (its bounds included), in order of first use, except LLVM constants. */
  private List<Value> captures(ParallelOp op) {
    Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Value> out = new ArrayList<>();
    op.walkPreOrder(inner -> {
      for (Value v : inner.operands()) {
        if (isInside(v, op) || !seen.add(v)) continue;
        if (LLVMIsConstant(e.v(v)) == 0) out.add(v);
      }
    });
    return out;
  }

  static boolean isInside(Value v, Operation op) {
    Operation owner = v.parentBlock() == null ? null : v.parentBlock().parentOp();
    return owner != null && op.isAncestorOf(owner);
  }

  /**
   * {@code void name(captured..., i32 thread, i32 threads)}: the iterations of this thread's
   * share, each with its induction variables recovered from its row-major number.
   */
  private LLVMValueRef body(ParallelOp op, List<Value> captured, LLVMTypeRef[] types, String name) {
    LLVMContextRef ctx = e.context();
    LLVMBuilderRef b = e.builder();
    LLVMTypeRef i32 = LLVMInt32TypeInContext(ctx);
    LLVMTypeRef[] params = new LLVMTypeRef[types.length + 2];
    System.arraycopy(types, 0, params, 0, types.length);
    params[types.length] = i32;
    params[types.length + 1] = i32;
    LLVMValueRef fn = LLVMAddFunction(e.module(), name, LLVMFunctionType(LLVMVoidTypeInContext(ctx), ptrs(params), params.length, 0));
    LLVMSetLinkage(fn, LLVMInternalLinkage);
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
    LLVMValueRef thread = LLVMBuildZExt(b, LLVMGetParam(fn, types.length), e.i64(), "");
    LLVMValueRef team = LLVMBuildZExt(b, LLVMGetParam(fn, types.length + 1), e.i64(), "");
    LLVMValueRef chunk = LLVMBuildUDiv(b, LLVMBuildAdd(b, total, LLVMBuildSub(b, team, e.i64(1), ""), ""), team, "chunk");
    LLVMValueRef begin = umin(LLVMBuildMul(b, thread, chunk, ""), total);
    LLVMValueRef end = umin(LLVMBuildAdd(b, begin, chunk, ""), total);
    depth++;
    loop(op, begin, end, trips);
    depth--;
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

  /** {@code void name(ptr context)}: what GOMP_parallel runs on each thread; loads the context and calls the body with this thread's number. */
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
    LLVMTypeRef i32 = LLVMInt32TypeInContext(ctx);
    args[types.length] = e.callRuntime("omp_get_thread_num", i32);
    args[types.length + 1] = e.callRuntime("omp_get_num_threads", i32);
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

  private LLVMValueRef umin(LLVMValueRef x, LLVMValueRef y) {
    LLVMBuilderRef b = e.builder();
    return LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntULT, x, y, ""), x, y, "");
  }
}
