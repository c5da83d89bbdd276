package dev.sol.codegen.llvm;

import static dev.sol.codegen.llvm.LlvmNative.ptrs;
import static org.bytedeco.llvm.global.LLVM.*;

import dev.sol.dialect.func.CallOp;
import dev.sol.dialect.func.FuncOp;
import dev.sol.dialect.func.ReturnOp;
import dev.sol.dialect.memref.GlobalOp;
import dev.sol.dialect.scf.ConditionOp;
import dev.sol.dialect.scf.ReduceReturnOp;
import dev.sol.dialect.scf.YieldOp;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.*;

/**
 * Translates func, arith, math, scf, memref (static shapes) and 1-D vector ops into an LLVM
 * module. A memref is a bare pointer to its first element (offsets and strides are static and
 * folded into address computations); index is i64; scf loops become LLVM loops with phi nodes.
 * This class drives the translation of a module and its functions; one emitter per dialect
 * translates that dialect's ops.
 */
public final class LlvmEmitter {
  private final LLVMContextRef ctx;
  private final LLVMModuleRef module;
  private final LLVMBuilderRef b;
  private final Map<Value, LLVMValueRef> values = new IdentityHashMap<>();
  private final ArithEmitter arith = new ArithEmitter(this);
  private final MathEmitter math = new MathEmitter(this);
  private final MemRefEmitter memref = new MemRefEmitter(this);
  private final ScfEmitter scf = new ScfEmitter(this);
  private final VectorEmitter vector = new VectorEmitter(this);
  private final OpenMpEmitter openMp;
  private KernelOutliner kernels;
  private final int threads;
  private LLVMValueRef function;
  private AliasScopes scopes;

  /** Where large constants go instead of the module, or null to keep them in it. */
  private final ExternalConstants external;
  /** Which part of the module this LLVM module holds. */
  private final ModulePartition partition;

  private LlvmEmitter(LLVMContextRef ctx, String name, int threads, ExternalConstants external, ModulePartition partition) {
    this.external = external;
    this.partition = partition;
    this.ctx = ctx;
    this.module = LLVMModuleCreateWithNameInContext(name, ctx);
    this.b = LLVMCreateBuilderInContext(ctx);
    this.threads = threads;
    this.openMp = new OpenMpEmitter(this);
  }

  /** Translates every func.func and memref.global of a builtin.module into single-threaded code. */
  public static LLVMModuleRef translate(LLVMContextRef ctx, Operation irModule, String name) {
    return translate(ctx, irModule, name, 1);
  }

  /**
   * Translates every func.func and memref.global of a builtin.module. With more than one
   * thread, each outermost scf.parallel runs on a team of {@code threads} OpenMP threads
   * (libgomp's GOMP_parallel, see {@link OpenMpEmitter}), and the code needs an OpenMP runtime
   * with that entry point (libgomp, or LLVM's libomp) at link or load time; with one, scf.parallel is a serial loop nest and no OpenMP function is called.
   */
  public static LLVMModuleRef translate(LLVMContextRef ctx, Operation irModule, String name, int threads) {
    return translate(ctx, irModule, name, threads, null);
  }

  /**
   * As {@link #translate(LLVMContextRef, Operation, String, int)}, constant globals of at least
   * {@link ExternalConstants#MIN_BYTES} only declared and handed to {@code external} (null: all in the module).
   */
  public static LLVMModuleRef translate(LLVMContextRef ctx, Operation irModule, String name, int threads, ExternalConstants external) {
    return translate(ctx, irModule, name, threads, external, ModulePartition.whole());
  }

  /**
   * As {@link #translate(LLVMContextRef, Operation, String, int, ExternalConstants)}, only the
   * part of the module that {@code partition} holds ({@link ModulePartition}): the object code
   * of all partitions together links into the whole.
   */
  public static LLVMModuleRef translate(LLVMContextRef ctx, Operation irModule, String name, int threads, ExternalConstants external,
      ModulePartition partition) {
    if (threads < 1) throw new CodegenException("threads must be at least 1, got " + threads);
    LlvmEmitter e = new LlvmEmitter(ctx, name, threads, external, partition);
    Block body = irModule.region(0).entryBlock();
    // Private globals nobody reads (weights that lowering replaced by packed copies) are left
    // out, as LLVM's GlobalDCE would drop them: the external constants never reach LLVM.
    java.util.Set<String> read = new java.util.HashSet<>();
    irModule.walk(op -> {
      if (op instanceof dev.sol.dialect.memref.GetGlobalOp g) read.add(g.globalName());
    });
    for (Operation op : body) {
      if (op instanceof GlobalOp g && (read.contains(g.symName()) || g.visibility().equals("public"))) e.memref.global(g);
    }
    for (Operation op : body) if (op instanceof FuncOp f) e.declare(f);
    for (Operation op : body) if (op instanceof FuncOp f && !f.isDeclaration()) e.define(f);
    LLVMDisposeBuilder(e.b);
    BytePointer err = new BytePointer();
    if (LLVMVerifyModule(e.module, LLVMReturnStatusAction, err) != 0) {
      String msg = err.getString();
      LLVMDisposeMessage(err);
      throw new CodegenException("generated LLVM IR does not verify: " + msg);
    }
    return e.module;
  }

  // ---- state shared with the dialect emitters

  LLVMContextRef context() { return ctx; }

  LLVMModuleRef module() { return module; }

  LLVMBuilderRef builder() { return b; }

  MemRefEmitter memref() { return memref; }

  /** Where large constants go instead of the module, or null. */
  ExternalConstants external() { return external; }

  VectorEmitter vector() { return vector; }

  OpenMpEmitter openMp() { return openMp; }

  /** Which part of the module is being translated. */
  ModulePartition partition() { return partition; }

  /** The OpenMP threads an outermost scf.parallel runs on (1: none, serial loops). */
  int threads() { return threads; }

  /** Marks a load or store through {@code memref} with the alias scopes of the view it goes through, if any ({@link AliasScopes}). */
  void tag(LLVMValueRef access, Value memref) { scopes.tag(access, memref); }

  /** The function being emitted. */
  LLVMValueRef function() { return function; }

  /** Emission continues in {@code f} (an outlined body); the caller positions the builder. */
  void setFunction(LLVMValueRef f) { function = f; }

  /** The LLVM value bound to an IR value, or null when there is none yet. */
  LLVMValueRef bound(Value x) { return values.get(x); }

  /** Replaces the binding of {@code x}; null removes it. */
  void rebind(Value x, LLVMValueRef r) {
    if (r == null) values.remove(x);
    else values.put(x, r);
  }

  /** Stack memory of type {@code t} in the entry block of the current function, so that a loop around its use does not grow the stack. */
  LLVMValueRef entryAlloca(LLVMTypeRef t, String name) {
    LLVMBuilderRef at = LLVMCreateBuilderInContext(ctx);
    LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(function);
    LLVMValueRef first = LLVMGetFirstInstruction(entry);
    if (first == null || first.isNull()) LLVMPositionBuilderAtEnd(at, entry);
    else LLVMPositionBuilderBefore(at, first);
    LLVMValueRef a = LLVMBuildAlloca(at, t, name);
    LLVMDisposeBuilder(at);
    return a;
  }

  LLVMValueRef i32(long value) { return LLVMConstInt(LLVMInt32TypeInContext(ctx), value, 0); }

  /** The LLVM value of an IR value emitted before. */
  LLVMValueRef v(Value x) {
    LLVMValueRef r = values.get(x);
    if (r == null) throw new CodegenException("value used before it was emitted");
    return r;
  }

  /** Records the LLVM value of an IR value (an op result or a block argument). */
  void bind(Value x, LLVMValueRef r) { values.put(x, r); }

  /** Binds an op's results to {@code rs}, in order. */
  void bindResults(Operation op, List<LLVMValueRef> rs) {
    for (int i = 0; i < rs.size() && i < op.numResults(); i++) values.put(op.result(i), rs.get(i));
  }

  List<LLVMValueRef> v(List<Value> xs) {
    List<LLVMValueRef> out = new ArrayList<>(xs.size());
    for (Value x : xs) out.add(v(x));
    return out;
  }

  LLVMValueRef i64(long value) { return LLVMConstInt(i64(), value, 0); }

  LLVMTypeRef i64() { return LLVMInt64TypeInContext(ctx); }

  LLVMTypeRef ptrType() { return LLVMPointerTypeInContext(ctx, 0); }

  /** A new basic block at the end of the function being emitted. */
  LLVMBasicBlockRef appendBlock(String name) { return LLVMAppendBasicBlockInContext(ctx, function, name); }

  LLVMTypeRef type(Type t) {
    return switch (t) {
      case IndexType i -> LLVMInt64TypeInContext(ctx);
      case IntegerType i -> LLVMIntTypeInContext(ctx, i.width());
      case FloatType f -> switch (f.kind()) {
        case F16 -> LLVMHalfTypeInContext(ctx);
        case BF16 -> LLVMBFloatTypeInContext(ctx);
        case F32 -> LLVMFloatTypeInContext(ctx);
        case F64 -> LLVMDoubleTypeInContext(ctx);
        default -> throw new CodegenException("float type " + f + " is not supported by code generation");
      };
      case MemRefType m -> {
        if (!m.hasStaticShape()) throw new CodegenException("memref with dynamic shape " + m + " is not supported by code generation");
        yield ptrType();
      }
      case VectorType v -> vectorType(v, type(v.element()));
      default -> throw new CodegenException("type " + t + " is not supported by code generation");
    };
  }

  /**
   * A vector of {@code element} with the shape of {@code v}, flattened. A scalable vector maps
   * to LLVM's {@code <vscale x N x T>}, which has one dimension only.
   */
  LLVMTypeRef vectorType(VectorType v, LLVMTypeRef element) {
    if (!v.isScalable()) return LLVMVectorType(element, (int) v.numElements());
    if (v.rank() != 1) {
      throw new CodegenException("scalable vector type " + v + " is not supported by code generation: LLVM's scalable vectors have one dimension");
    }
    return LLVMScalableVectorType(element, (int) v.shape()[0]);
  }

  /** A call to the LLVM intrinsic {@code name} overloaded on type {@code t}. */
  LLVMValueRef intrinsic(String name, LLVMTypeRef t, LLVMValueRef... args) {
    return intrinsic(name, new LLVMTypeRef[] {t}, args);
  }

  /** A call to the LLVM intrinsic {@code name} overloaded on the types {@code ts}, in LLVM's order. */
  LLVMValueRef intrinsic(String name, LLVMTypeRef[] ts, LLVMValueRef... args) {
    int id = LLVMLookupIntrinsicID(name, name.length());
    if (id == 0) throw new CodegenException("LLVM has no intrinsic " + name);
    LLVMValueRef fn = LLVMGetIntrinsicDeclaration(module, id, ptrs(ts), ts.length);
    LLVMTypeRef ft = LLVMIntrinsicGetType(ctx, id, ptrs(ts), ts.length);
    return LLVMBuildCall2(b, ft, fn, ptrs(args), args.length, "");
  }

  /** A call to a C library function, declared on first use from the argument types. */
  LLVMValueRef callRuntime(String name, LLVMTypeRef ret, LLVMValueRef... args) {
    LLVMValueRef fn = LLVMGetNamedFunction(module, name);
    LLVMTypeRef[] params = new LLVMTypeRef[args.length];
    for (int i = 0; i < args.length; i++) params[i] = LLVMTypeOf(args[i]);
    LLVMTypeRef ft = LLVMFunctionType(ret, ptrs(params), params.length, 0);
    if (fn == null) fn = LLVMAddFunction(module, name, ft);
    return LLVMBuildCall2(b, ft, fn, ptrs(args), args.length, "");
  }

  // ---- functions

  private LLVMTypeRef functionType(FunctionType ft) {
    if (ft.results().size() > 1) throw new CodegenException("functions with more than one result are not supported; return buffers instead");
    LLVMTypeRef ret = ft.results().isEmpty() ? LLVMVoidTypeInContext(ctx) : type(ft.results().getFirst());
    LLVMTypeRef[] params = ft.inputs().stream().map(this::type).toArray(LLVMTypeRef[]::new);
    return LLVMFunctionType(ret, ptrs(params), params.length, 0);
  }

  private void declare(FuncOp f) {
    FunctionType ft = f.functionType();
    LLVMValueRef fn = LLVMAddFunction(module, f.symName(), functionType(ft));
    boolean isPrivate = f.attribute("sym_visibility") instanceof StringAttr v && v.value().equals("private");
    // Partitions after the first keep private copies of the functions (main included, which
    // they do not call: LLVM drops it); the first defines them for the program.
    if ((isPrivate || !partition.isFirst()) && !f.isDeclaration()) LLVMSetLinkage(fn, LLVMInternalLinkage);
    for (int i = 0; i < ft.inputs().size(); i++) {
      if (ft.inputs().get(i) instanceof MemRefType) noalias(fn, i);
    }
  }

  /** Marks parameter {@code i} of {@code fn} noalias: no other pointer the function sees reaches its memory. */
  void noalias(LLVMValueRef fn, int i) {
    LLVMAddAttributeAtIndex(fn, i + 1, LLVMCreateEnumAttribute(ctx, LLVMGetEnumAttributeKindForName("noalias", 7), 0));
  }

  private void define(FuncOp f) {
    function = LLVMGetNamedFunction(module, f.symName());
    scopes = AliasScopes.of(ctx, f, f.symName());
    kernels = new KernelOutliner(this, partition.sharing(f));
    Block body = f.body();
    LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(ctx, function, "entry"));
    for (int i = 0; i < body.numArguments(); i++) values.put(body.argument(i), LLVMGetParam(function, i));
    emitBlock(body, true);
  }

  /** Emits the ops of a structured block; returns the values its terminator yields. */
  List<LLVMValueRef> emitBlock(Block block) { return emitBlock(block, false); }

  /** Emits the ops of a block, its loop nests as kernels of their own when {@code outline} ({@link KernelOutliner}). */
  private List<LLVMValueRef> emitBlock(Block block, boolean outline) {
    for (Operation op : block) {
      if (outline && KernelOutliner.outlines(op)) {
        kernels.outline(op);
        continue;
      }
      switch (op) {
        case ReturnOp r -> {
          if (r.numOperands() == 0) LLVMBuildRetVoid(b);
          else LLVMBuildRet(b, v(r.operand(0)));
          return List.of();
        }
        case YieldOp y -> { return v(y.operands()); }
        case ConditionOp c -> { return v(c.operands()); }
        case ReduceReturnOp r -> { return v(r.operands()); }
        default -> emit(op);
      }
    }
    return List.of();
  }

  void emit(Operation op) {
    boolean emitted = arith.emit(op) || math.emit(op) || memref.emit(op) || scf.emit(op) || vector.emit(op) || call(op);
    if (!emitted) throw new CodegenException("'" + op.name() + "' is not supported by code generation (at " + op.location() + ")");
  }

  private boolean call(Operation op) {
    if (!(op instanceof CallOp c)) return false;
    LLVMValueRef fn = LLVMGetNamedFunction(module, c.callee().root());
    LLVMValueRef[] args = v(c.operands()).toArray(LLVMValueRef[]::new);
    LLVMValueRef r = LLVMBuildCall2(b, LLVMGlobalGetValueType(fn), fn, ptrs(args), args.length, "");
    if (c.numResults() > 0) bind(c.result(0), r);
    return true;
  }
}
