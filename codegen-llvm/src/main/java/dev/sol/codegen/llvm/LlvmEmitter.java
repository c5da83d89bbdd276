package dev.sol.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.*;

/**
 * Translates func, arith, math, scf and memref (static shapes) into an LLVM module. A memref
 * is a bare pointer to its first element (offsets and strides are static and folded into
 * address computations); index is i64; scf loops become LLVM loops with phi nodes.
 */
public final class LlvmEmitter {
  private final LLVMContextRef ctx;
  private final LLVMModuleRef module;
  private final LLVMBuilderRef b;
  private final Map<Value, LLVMValueRef> values = new IdentityHashMap<>();
  private final Map<String, LLVMValueRef> globals = new HashMap<>();
  private LLVMValueRef function;

  private LlvmEmitter(LLVMContextRef ctx, String name) {
    this.ctx = ctx;
    this.module = LLVMModuleCreateWithNameInContext(name, ctx);
    this.b = LLVMCreateBuilderInContext(ctx);
  }

  /** Translates every func.func and memref.global of a builtin.module. */
  public static LLVMModuleRef translate(LLVMContextRef ctx, Operation irModule, String name) {
    LlvmEmitter e = new LlvmEmitter(ctx, name);
    Block body = irModule.region(0).entryBlock();
    for (Operation op : body) if (op.name().equals("memref.global")) e.global(op);
    for (Operation op : body) if (op.name().equals("func.func")) e.declare(op);
    for (Operation op : body) if (op.name().equals("func.func") && !op.region(0).isEmpty()) e.define(op);
    LLVMDisposeBuilder(e.b);
    BytePointer err = new BytePointer();
    if (LLVMVerifyModule(e.module, LLVMReturnStatusAction, err) != 0) {
      String msg = err.getString();
      LLVMDisposeMessage(err);
      throw new CodegenException("generated LLVM IR does not verify: " + msg);
    }
    return e.module;
  }

  // ---- types

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
        yield LLVMPointerTypeInContext(ctx, 0);
      }
      case VectorType v -> LLVMVectorType(type(v.element()), (int) v.numElements());
      default -> throw new CodegenException("type " + t + " is not supported by code generation");
    };
  }

  private LLVMTypeRef ptrType() { return LLVMPointerTypeInContext(ctx, 0); }

  private LLVMTypeRef i64() { return LLVMInt64TypeInContext(ctx); }

  // ---- globals and functions

  private void global(Operation op) {
    String name = Symbols.nameOf(op);
    MemRefType type = (MemRefType) ((TypeAttr) op.attribute("type")).type();
    int eb = DenseElementsAttr.elementBytes(type.element());
    long bytes = type.numElements() * eb;
    byte[] data = new byte[(int) bytes];
    if (op.attribute("initial_value") instanceof DenseElementsAttr d) {
      byte[] raw = d.rawData();
      if (d.isSplat()) for (int i = 0; i < data.length; i += eb) System.arraycopy(raw, 0, data, i, eb);
      else System.arraycopy(raw, 0, data, 0, data.length);
    }
    LLVMValueRef init = LLVMConstStringInContext(ctx, new BytePointer(data), data.length, 1);
    LLVMValueRef g = LLVMAddGlobal(module, LLVMArrayType2(LLVMInt8TypeInContext(ctx), bytes), name);
    LLVMSetInitializer(g, init);
    LLVMSetGlobalConstant(g, op.attribute("constant") != null ? 1 : 0);
    LLVMSetLinkage(g, LLVMInternalLinkage);
    LLVMSetAlignment(g, 64);
    globals.put(name, g);
  }

  private LLVMTypeRef functionType(FunctionType ft) {
    if (ft.results().size() > 1) throw new CodegenException("functions with more than one result are not supported; return buffers instead");
    LLVMTypeRef ret = ft.results().isEmpty() ? LLVMVoidTypeInContext(ctx) : type(ft.results().getFirst());
    LLVMTypeRef[] params = ft.inputs().stream().map(this::type).toArray(LLVMTypeRef[]::new);
    return LLVMFunctionType(ret, ArithEmitter.ptrs(params), params.length, 0);
  }

  private void declare(Operation f) {
    FunctionType ft = (FunctionType) ((TypeAttr) f.attribute("function_type")).type();
    LLVMValueRef fn = LLVMAddFunction(module, Symbols.nameOf(f), functionType(ft));
    if (f.attribute("sym_visibility") instanceof StringAttr v && v.value().equals("private") && !f.region(0).isEmpty()) {
      LLVMSetLinkage(fn, LLVMInternalLinkage);
    }
    for (int i = 0; i < ft.inputs().size(); i++) {
      if (ft.inputs().get(i) instanceof MemRefType) {
        LLVMAddAttributeAtIndex(fn, i + 1, LLVMCreateEnumAttribute(ctx, LLVMGetEnumAttributeKindForName("noalias", 7), 0));
      }
    }
  }

  private void define(Operation f) {
    function = LLVMGetNamedFunction(module, Symbols.nameOf(f));
    Block body = f.region(0).entryBlock();
    LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(ctx, function, "entry"));
    for (int i = 0; i < body.numArguments(); i++) values.put(body.argument(i), LLVMGetParam(function, i));
    emitBlock(body);
  }

  /** Emits the ops of a structured block; returns the values its terminator yields. */
  private List<LLVMValueRef> emitBlock(Block block) {
    for (Operation op : block) {
      switch (op.name()) {
        case "func.return" -> {
          if (op.numOperands() == 0) LLVMBuildRetVoid(b);
          else LLVMBuildRet(b, v(op.operand(0)));
          return List.of();
        }
        case "scf.yield", "scf.condition", "scf.reduce.return" -> {
          List<LLVMValueRef> out = new ArrayList<>();
          for (Value x : op.operands()) out.add(v(x));
          return out;
        }
        default -> emit(op);
      }
    }
    return List.of();
  }

  LLVMValueRef v(Value x) {
    LLVMValueRef r = values.get(x);
    if (r == null) throw new CodegenException("value used before it was emitted");
    return r;
  }

  private void emit(Operation op) {
    List<LLVMValueRef> results = switch (op.dialectNamespace()) {
      case "arith" -> List.of(ArithEmitter.emit(this, b, op));
      case "math" -> List.of(ArithEmitter.math(this, b, op));
      case "scf" -> scf(op);
      case "memref" -> memref(op);
      case "func" -> call(op);
      case "vector" -> {
        LLVMValueRef r = vector(op);
        yield r == null ? List.of() : List.of(r);
      }
      default -> throw new CodegenException("'" + op.name() + "' is not supported by code generation (at " + op.location() + ")");
    };
    for (int i = 0; i < results.size() && i < op.numResults(); i++) values.put(op.result(i), results.get(i));
  }

  LLVMContextRef context() { return ctx; }

  LLVMModuleRef module() { return module; }

  private List<LLVMValueRef> call(Operation op) {
    if (!op.name().equals("func.call")) throw new CodegenException("'" + op.name() + "' is not supported by code generation");
    String callee = ((SymbolRefAttr) op.attribute("callee")).root();
    LLVMValueRef fn = LLVMGetNamedFunction(module, callee);
    LLVMValueRef[] args = op.operands().stream().map(this::v).toArray(LLVMValueRef[]::new);
    LLVMValueRef r = LLVMBuildCall2(b, LLVMGlobalGetValueType(fn), fn, ArithEmitter.ptrs(args), args.length, "");
    return op.numResults() == 0 ? List.of() : List.of(r);
  }

  // ---- vector (1-D vectors, contiguous along the memref's last dimension)

  private LLVMValueRef vector(Operation op) {
    Type rt = op.numResults() > 0 ? op.result(0).type() : null;
    return switch (op.name()) {
      case "vector.load" -> {
        VectorType vt = oneDimensional(op, (VectorType) rt);
        LLVMValueRef load = LLVMBuildLoad2(b, type(vt), address(op.operand(0), op.operands().subList(1, op.numOperands())), "");
        LLVMSetAlignment(load, DenseElementsAttr.elementBytes(vt.element()));
        yield load;
      }
      case "vector.store" -> {
        oneDimensional(op, (VectorType) op.operand(0).type());
        LLVMValueRef store = LLVMBuildStore(b, v(op.operand(0)), address(op.operand(1), op.operands().subList(2, op.numOperands())));
        LLVMSetAlignment(store, DenseElementsAttr.elementBytes(((VectorType) op.operand(0).type()).element()));
        yield null;
      }
      case "vector.broadcast", "vector.splat" -> {
        VectorType vt = oneDimensional(op, (VectorType) rt);
        if (op.operand(0).type() instanceof VectorType) {
          if (!op.operand(0).type().equals(vt)) throw new CodegenException("'" + op.name() + "' from a vector is supported only between equal types");
          yield v(op.operand(0));
        }
        yield splat(vt, v(op.operand(0)));
      }
      case "vector.fma" -> ArithEmitter.intrinsic(this, b, "llvm.fma", type(rt), v(op.operand(0)), v(op.operand(1)), v(op.operand(2)));
      case "vector.extractelement" -> LLVMBuildExtractElement(b, v(op.operand(0)),
          op.numOperands() > 1 ? v(op.operand(1)) : LLVMConstInt(i64(), 0, 0), "");
      case "vector.insertelement" -> LLVMBuildInsertElement(b, v(op.operand(1)), v(op.operand(0)),
          op.numOperands() > 2 ? v(op.operand(2)) : LLVMConstInt(i64(), 0, 0), "");
      case "vector.extract" -> {
        oneDimensional(op, (VectorType) op.operand(0).type());
        yield LLVMBuildExtractElement(b, v(op.operand(0)), LLVMConstInt(i64(), position(op), 0), "");
      }
      case "vector.insert" -> {
        oneDimensional(op, (VectorType) op.operand(1).type());
        yield LLVMBuildInsertElement(b, v(op.operand(1)), v(op.operand(0)), LLVMConstInt(i64(), position(op), 0), "");
      }
      case "vector.reduction" -> reduction(op);
      default -> throw new CodegenException("'" + op.name() + "' is not supported by code generation (at " + op.location() + ")");
    };
  }

  private static VectorType oneDimensional(Operation op, VectorType vt) {
    if (vt.rank() != 1) throw new CodegenException("'" + op.name() + "' on " + vt + ": only 1-D vectors are supported by code generation");
    return vt;
  }

  private static long position(Operation op) {
    ArrayAttr pos = (ArrayAttr) op.attribute("position");
    if (pos.elements().size() != 1) throw new CodegenException("'" + op.name() + "' needs exactly one position on a 1-D vector");
    return ((IntegerAttr) pos.get(0)).value();
  }

  private LLVMValueRef splat(VectorType vt, LLVMValueRef scalar) {
    LLVMValueRef one = LLVMBuildInsertElement(b, LLVMGetUndef(type(vt)), scalar, LLVMConstInt(i64(), 0, 0), "");
    LLVMTypeRef maskType = LLVMVectorType(LLVMInt32TypeInContext(ctx), (int) vt.numElements());
    return LLVMBuildShuffleVector(b, one, LLVMGetUndef(type(vt)), LLVMConstNull(maskType), "splat");
  }

  /** vector.reduction with MLIR's combining kinds; floats reduce in order (no reassociation). */
  private LLVMValueRef reduction(Operation op) {
    VectorType vt = oneDimensional(op, (VectorType) op.operand(0).type());
    String kind = ((OpaqueAttr) op.attribute("kind")).params().replaceAll("[<> ]", "");
    LLVMTypeRef vty = type(vt);
    LLVMTypeRef et = type(vt.element());
    LLVMValueRef x = v(op.operand(0));
    LLVMValueRef acc = op.numOperands() > 1 ? v(op.operand(1)) : null;
    return switch (kind) {
      case "add" -> vt.element() instanceof FloatType
          ? ArithEmitter.intrinsic(this, b, "llvm.vector.reduce.fadd", vty, acc != null ? acc : LLVMConstReal(et, -0.0), x)
          : (LLVMBuildAdd(b, ArithEmitter.intrinsic(this, b, "llvm.vector.reduce.add", vty, x), acc == null ? LLVMConstInt(et, 0, 0) : acc, ""));
      case "mul" -> vt.element() instanceof FloatType
          ? ArithEmitter.intrinsic(this, b, "llvm.vector.reduce.fmul", vty, acc != null ? acc : LLVMConstReal(et, 1), x)
          : (LLVMBuildMul(b, ArithEmitter.intrinsic(this, b, "llvm.vector.reduce.mul", vty, x), acc == null ? LLVMConstInt(et, 1, 0) : acc, ""));
      case "maxf", "minf" -> {
        LLVMValueRef r = ArithEmitter.intrinsic(this, b, kind.equals("maxf") ? "llvm.vector.reduce.fmaximum" : "llvm.vector.reduce.fminimum", vty, x);
        yield acc == null ? r : ArithEmitter.intrinsic(this, b, kind.equals("maxf") ? "llvm.maximum" : "llvm.minimum", et, r, acc);
      }
      default -> throw new CodegenException("vector.reduction kind '" + kind + "' is not supported by code generation");
    };
  }

  // ---- scf

  private List<LLVMValueRef> scf(Operation op) {
    return switch (op.name()) {
      case "scf.for" -> forLoop(op.region(0).entryBlock(), v(op.operand(0)), v(op.operand(1)), v(op.operand(2)),
          op.operands().subList(3, op.numOperands()).stream().map(this::v).toList());
      case "scf.if" -> ifThenElse(op);
      case "scf.parallel" -> parallel(op);
      case "scf.execute_region" -> emitBlock(op.region(0).entryBlock());
      case "scf.while" -> whileLoop(op);
      default -> throw new CodegenException("'" + op.name() + "' is not supported by code generation");
    };
  }

  /** for (iv = lb; iv < ub; iv += step) with loop-carried values; returns their final values. */
  private List<LLVMValueRef> forLoop(Block body, LLVMValueRef lb, LLVMValueRef ub, LLVMValueRef step, List<LLVMValueRef> inits) {
    LLVMBasicBlockRef pre = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef header = LLVMAppendBasicBlockInContext(ctx, function, "loop.header");
    LLVMBasicBlockRef bodyBlock = LLVMAppendBasicBlockInContext(ctx, function, "loop.body");
    LLVMBasicBlockRef exit = LLVMAppendBasicBlockInContext(ctx, function, "loop.exit");
    LLVMBuildBr(b, header);
    LLVMPositionBuilderAtEnd(b, header);
    LLVMValueRef iv = LLVMBuildPhi(b, LLVMTypeOf(lb), "iv");
    List<LLVMValueRef> phis = new ArrayList<>();
    for (LLVMValueRef init : inits) phis.add(LLVMBuildPhi(b, LLVMTypeOf(init), "iter"));
    LLVMValueRef cond = LLVMBuildICmp(b, LLVMIntSLT, iv, ub, "cond");
    LLVMBuildCondBr(b, cond, bodyBlock, exit);
    LLVMPositionBuilderAtEnd(b, bodyBlock);
    values.put(body.argument(0), iv);
    for (int i = 0; i < phis.size(); i++) values.put(body.argument(i + 1), phis.get(i));
    List<LLVMValueRef> yielded = emitBlock(body);
    LLVMValueRef next = LLVMBuildAdd(b, iv, step, "iv.next");
    LLVMBasicBlockRef latch = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, header);
    LLVMAddIncoming(iv, ArithEmitter.ptrs(lb, next), ArithEmitter.ptrs(pre, latch), 2);
    for (int i = 0; i < phis.size(); i++) {
      LLVMAddIncoming(phis.get(i), ArithEmitter.ptrs(inits.get(i), yielded.get(i)), ArithEmitter.ptrs(pre, latch), 2);
    }
    LLVMPositionBuilderAtEnd(b, exit);
    return phis;
  }

  private List<LLVMValueRef> ifThenElse(Operation op) {
    LLVMBasicBlockRef thenB = LLVMAppendBasicBlockInContext(ctx, function, "if.then");
    LLVMBasicBlockRef elseB = LLVMAppendBasicBlockInContext(ctx, function, "if.else");
    LLVMBasicBlockRef merge = LLVMAppendBasicBlockInContext(ctx, function, "if.end");
    LLVMBuildCondBr(b, v(op.operand(0)), thenB, elseB);
    LLVMPositionBuilderAtEnd(b, thenB);
    List<LLVMValueRef> t = emitBlock(op.region(0).entryBlock());
    LLVMBasicBlockRef thenEnd = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, merge);
    LLVMPositionBuilderAtEnd(b, elseB);
    List<LLVMValueRef> e = op.region(1).isEmpty() ? List.of() : emitBlock(op.region(1).entryBlock());
    LLVMBasicBlockRef elseEnd = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, merge);
    LLVMPositionBuilderAtEnd(b, merge);
    List<LLVMValueRef> out = new ArrayList<>();
    for (int i = 0; i < op.numResults(); i++) {
      LLVMValueRef phi = LLVMBuildPhi(b, type(op.result(i).type()), "if.result");
      LLVMAddIncoming(phi, ArithEmitter.ptrs(t.get(i), e.get(i)), ArithEmitter.ptrs(thenEnd, elseEnd), 2);
      out.add(phi);
    }
    return out;
  }

  private List<LLVMValueRef> whileLoop(Operation op) {
    LLVMBasicBlockRef pre = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef before = LLVMAppendBasicBlockInContext(ctx, function, "while.before");
    LLVMBasicBlockRef after = LLVMAppendBasicBlockInContext(ctx, function, "while.after");
    LLVMBasicBlockRef exit = LLVMAppendBasicBlockInContext(ctx, function, "while.exit");
    LLVMBuildBr(b, before);
    LLVMPositionBuilderAtEnd(b, before);
    Block beforeBody = op.region(0).entryBlock();
    List<LLVMValueRef> phis = new ArrayList<>();
    for (int i = 0; i < op.numOperands(); i++) {
      LLVMValueRef phi = LLVMBuildPhi(b, type(op.operand(i).type()), "while.arg");
      phis.add(phi);
      values.put(beforeBody.argument(i), phi);
    }
    List<LLVMValueRef> cond = emitBlock(beforeBody);
    LLVMBasicBlockRef condEnd = LLVMGetInsertBlock(b);
    LLVMBuildCondBr(b, cond.getFirst(), after, exit);
    LLVMPositionBuilderAtEnd(b, after);
    Block afterBody = op.region(1).entryBlock();
    for (int i = 0; i < afterBody.numArguments(); i++) values.put(afterBody.argument(i), cond.get(i + 1));
    List<LLVMValueRef> next = emitBlock(afterBody);
    LLVMBasicBlockRef afterEnd = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, before);
    for (int i = 0; i < phis.size(); i++) {
      LLVMAddIncoming(phis.get(i), ArithEmitter.ptrs(v(op.operand(i)), next.get(i)), ArithEmitter.ptrs(pre, afterEnd), 2);
    }
    LLVMPositionBuilderAtEnd(b, exit);
    List<LLVMValueRef> out = new ArrayList<>();
    for (int i = 0; i < op.numResults(); i++) {
      LLVMValueRef phi = LLVMBuildPhi(b, type(op.result(i).type()), "while.result");
      LLVMAddIncoming(phi, ArithEmitter.ptrs(cond.get(i + 1)), ArithEmitter.ptrs(condEnd), 1);
      out.add(phi);
    }
    return out;
  }

  /** scf.parallel without reductions becomes a sequential loop nest (threads come later). */
  private List<LLVMValueRef> parallel(Operation op) {
    if (op.numResults() != 0) throw new CodegenException("scf.parallel with reductions is not supported by code generation yet");
    List<Value> lbs = op.operandSegment(0);
    List<Value> ubs = op.operandSegment(1);
    List<Value> steps = op.operandSegment(2);
    Block body = op.region(0).entryBlock();
    nest(body, lbs, ubs, steps, 0);
    return List.of();
  }

  private void nest(Block body, List<Value> lbs, List<Value> ubs, List<Value> steps, int d) {
    if (d == lbs.size() - 1) {
      LLVMBasicBlockRef pre = LLVMGetInsertBlock(b);
      LLVMBasicBlockRef header = LLVMAppendBasicBlockInContext(ctx, function, "par.header");
      LLVMBasicBlockRef bodyBlock = LLVMAppendBasicBlockInContext(ctx, function, "par.body");
      LLVMBasicBlockRef exit = LLVMAppendBasicBlockInContext(ctx, function, "par.exit");
      LLVMBuildBr(b, header);
      LLVMPositionBuilderAtEnd(b, header);
      LLVMValueRef iv = LLVMBuildPhi(b, i64(), "piv");
      LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLT, iv, v(ubs.get(d)), "c"), bodyBlock, exit);
      LLVMPositionBuilderAtEnd(b, bodyBlock);
      values.put(body.argument(d), iv);
      emitBlock(body);
      LLVMValueRef next = LLVMBuildAdd(b, iv, v(steps.get(d)), "piv.next");
      LLVMBasicBlockRef latch = LLVMGetInsertBlock(b);
      LLVMBuildBr(b, header);
      LLVMAddIncoming(iv, ArithEmitter.ptrs(v(lbs.get(d)), next), ArithEmitter.ptrs(pre, latch), 2);
      LLVMPositionBuilderAtEnd(b, exit);
      return;
    }
    LLVMBasicBlockRef pre = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef header = LLVMAppendBasicBlockInContext(ctx, function, "par.header");
    LLVMBasicBlockRef bodyBlock = LLVMAppendBasicBlockInContext(ctx, function, "par.body");
    LLVMBasicBlockRef exit = LLVMAppendBasicBlockInContext(ctx, function, "par.exit");
    LLVMBuildBr(b, header);
    LLVMPositionBuilderAtEnd(b, header);
    LLVMValueRef iv = LLVMBuildPhi(b, i64(), "piv");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLT, iv, v(ubs.get(d)), "c"), bodyBlock, exit);
    LLVMPositionBuilderAtEnd(b, bodyBlock);
    values.put(body.argument(d), iv);
    nest(body, lbs, ubs, steps, d + 1);
    LLVMValueRef next = LLVMBuildAdd(b, iv, v(steps.get(d)), "piv.next");
    LLVMBasicBlockRef latch = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, header);
    LLVMAddIncoming(iv, ArithEmitter.ptrs(v(lbs.get(d)), next), ArithEmitter.ptrs(pre, latch), 2);
    LLVMPositionBuilderAtEnd(b, exit);
  }

  // ---- memref

  /** Static strides and offset of a memref type (identity or strided layout). */
  static long[] strides(MemRefType m) {
    if (m.layout() instanceof StridedLayoutAttr s) {
      for (long x : s.strides()) if (x == ShapedType.DYNAMIC) throw new CodegenException("dynamic strides are not supported: " + m);
      return s.strides();
    }
    if (!m.hasIdentityLayout()) throw new CodegenException("affine map layouts are not supported by code generation: " + m);
    long[] st = new long[m.rank()];
    long acc = 1;
    for (int d = m.rank() - 1; d >= 0; d--) {
      st[d] = acc;
      acc *= m.shape()[d];
    }
    return st;
  }

  /** The address of element {@code indices} of a memref value (its pointer already points at the offset). */
  private LLVMValueRef address(Value memref, List<Value> indices) {
    MemRefType m = (MemRefType) memref.type();
    long[] st = strides(m);
    LLVMValueRef linear = LLVMConstInt(i64(), 0, 0);
    for (int d = 0; d < indices.size(); d++) {
      LLVMValueRef term = LLVMBuildMul(b, v(indices.get(d)), LLVMConstInt(i64(), st[d], 0), "");
      linear = LLVMBuildAdd(b, linear, term, "");
    }
    return LLVMBuildGEP2(b, type(m.element()), v(memref), ArithEmitter.ptrs(linear), 1, "addr");
  }

  private List<LLVMValueRef> memref(Operation op) {
    return switch (op.name()) {
      case "memref.load" -> {
        LLVMValueRef load = LLVMBuildLoad2(b, type(op.result(0).type()), address(op.operand(0), op.operands().subList(1, op.numOperands())), "");
        yield List.of(load);
      }
      case "memref.store" -> {
        LLVMBuildStore(b, v(op.operand(0)), address(op.operand(1), op.operands().subList(2, op.numOperands())));
        yield List.of();
      }
      case "memref.alloc", "memref.alloca" -> {
        MemRefType m = (MemRefType) op.result(0).type();
        long bytes = Math.max(1, m.numElements() * DenseElementsAttr.elementBytes(m.element()));
        LLVMTypeRef arrayType = LLVMArrayType2(LLVMInt8TypeInContext(ctx), bytes);
        if (op.name().equals("memref.alloca")) {
          LLVMValueRef a = LLVMBuildAlloca(b, arrayType, "buf");
          LLVMSetAlignment(a, 64);
          yield List.of(a);
        }
        yield List.of(callRuntime("aligned_alloc", ptrType(), LLVMConstInt(i64(), 64, 0),
            LLVMConstInt(i64(), (bytes + 63) / 64 * 64, 0)));
      }
      case "memref.dealloc" -> {
        callRuntime("free", LLVMVoidTypeInContext(ctx), v(op.operand(0)));
        yield List.of();
      }
      case "memref.get_global" -> {
        LLVMValueRef g = globals.get(((SymbolRefAttr) op.attribute("name")).root());
        if (g == null) throw new CodegenException("unknown global " + op.attribute("name"));
        yield List.of(g);
      }
      case "memref.cast", "memref.reshape", "memref.collapse_shape", "memref.expand_shape" -> List.of(v(op.operand(0)));
      case "memref.subview" -> {
        MemRefType src = (MemRefType) op.operand(0).type();
        long[] offs = ((DenseArrayAttr) op.attribute("static_offsets")).ints();
        long[] st = strides(src);
        LLVMValueRef linear = LLVMConstInt(i64(), 0, 0);
        int k = 1;
        for (int d = 0; d < offs.length; d++) {
          LLVMValueRef o = offs[d] == ShapedType.DYNAMIC ? v(op.operand(k++)) : LLVMConstInt(i64(), offs[d], 0);
          linear = LLVMBuildAdd(b, linear, LLVMBuildMul(b, o, LLVMConstInt(i64(), st[d], 0), ""), "");
        }
        yield List.of(LLVMBuildGEP2(b, type(src.element()), v(op.operand(0)), ArithEmitter.ptrs(linear), 1, "view"));
      }
      case "memref.copy" -> {
        MemRefType m = (MemRefType) op.operand(0).type();
        long bytes = m.numElements() * DenseElementsAttr.elementBytes(m.element());
        LLVMBuildMemCpy(b, v(op.operand(1)), 1, v(op.operand(0)), 1, LLVMConstInt(i64(), bytes, 0));
        yield List.of();
      }
      case "memref.dim" -> {
        if (!(op.operand(1).definingOp() != null && op.operand(1).definingOp().attribute("value") instanceof IntegerAttr i)) {
          throw new CodegenException("memref.dim with a computed dimension index is not supported");
        }
        yield List.of(LLVMConstInt(i64(), ((MemRefType) op.operand(0).type()).shape()[(int) i.value()], 0));
      }
      default -> throw new CodegenException("'" + op.name() + "' is not supported by code generation");
    };
  }

  LLVMValueRef callRuntime(String name, LLVMTypeRef ret, LLVMValueRef... args) {
    LLVMValueRef fn = LLVMGetNamedFunction(module, name);
    LLVMTypeRef[] params = new LLVMTypeRef[args.length];
    for (int i = 0; i < args.length; i++) params[i] = LLVMTypeOf(args[i]);
    LLVMTypeRef ft = LLVMFunctionType(ret, ArithEmitter.ptrs(params), params.length, 0);
    if (fn == null) fn = LLVMAddFunction(module, name, ft);
    return LLVMBuildCall2(b, ft, fn, ArithEmitter.ptrs(args), args.length, "");
  }
}
