package dev.sol.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.sol.ir.*;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.*;

/** arith and math operations as LLVM instructions and intrinsics. */
final class ArithEmitter {
  /**
   * A native array of pointers. Never {@code new PointerPointer<>(p)} with one element: that
   * constructor reinterprets {@code p} itself as the array.
   */
  @SafeVarargs
  static <P extends org.bytedeco.javacpp.Pointer> PointerPointer<P> ptrs(P... items) {
    return new PointerPointer<>(items);
  }

  private ArithEmitter() {}

  private static final int[] ICMP = {LLVMIntEQ, LLVMIntNE, LLVMIntSLT, LLVMIntSLE, LLVMIntSGT, LLVMIntSGE, LLVMIntULT, LLVMIntULE,
      LLVMIntUGT, LLVMIntUGE};
  private static final int[] FCMP = {LLVMRealPredicateFalse, LLVMRealOEQ, LLVMRealOGT, LLVMRealOGE, LLVMRealOLT, LLVMRealOLE,
      LLVMRealONE, LLVMRealORD, LLVMRealUEQ, LLVMRealUGT, LLVMRealUGE, LLVMRealULT, LLVMRealULE, LLVMRealUNE, LLVMRealUNO,
      LLVMRealPredicateTrue};

  static LLVMValueRef emit(LlvmEmitter e, LLVMBuilderRef b, Operation op) {
    Type rt = op.numResults() > 0 ? op.result(0).type() : null;
    String n = op.name().substring(6);
    if (n.equals("constant")) return constant(e, op.attribute("value"), rt);
    LLVMValueRef x = e.v(op.operand(0));
    LLVMValueRef y = op.numOperands() > 1 ? e.v(op.operand(1)) : null;
    LLVMTypeRef t = rt == null ? null : e.type(rt);
    return switch (n) {
      case "addi" -> LLVMBuildAdd(b, x, y, "");
      case "subi" -> LLVMBuildSub(b, x, y, "");
      case "muli" -> LLVMBuildMul(b, x, y, "");
      case "divsi" -> LLVMBuildSDiv(b, x, y, "");
      case "divui" -> LLVMBuildUDiv(b, x, y, "");
      case "remsi" -> LLVMBuildSRem(b, x, y, "");
      case "remui" -> LLVMBuildURem(b, x, y, "");
      case "andi" -> LLVMBuildAnd(b, x, y, "");
      case "ori" -> LLVMBuildOr(b, x, y, "");
      case "xori" -> LLVMBuildXor(b, x, y, "");
      case "shli" -> LLVMBuildShl(b, x, y, "");
      case "shrsi" -> LLVMBuildAShr(b, x, y, "");
      case "shrui" -> LLVMBuildLShr(b, x, y, "");
      case "maxsi" -> LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSGE, x, y, ""), x, y, "");
      case "minsi" -> LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSLE, x, y, ""), x, y, "");
      case "maxui" -> LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntUGE, x, y, ""), x, y, "");
      case "minui" -> LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntULE, x, y, ""), x, y, "");
      case "floordivsi" -> {
        LLVMValueRef q = LLVMBuildSDiv(b, x, y, "");
        LLVMValueRef r = LLVMBuildSRem(b, x, y, "");
        LLVMValueRef zero = LLVMConstInt(t, 0, 0);
        LLVMValueRef adjust = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntNE, r, zero, ""),
            LLVMBuildICmp(b, LLVMIntNE, LLVMBuildICmp(b, LLVMIntSLT, r, zero, ""), LLVMBuildICmp(b, LLVMIntSLT, y, zero, ""), ""), "");
        yield LLVMBuildSub(b, q, LLVMBuildZExt(b, adjust, t, ""), "");
      }
      case "ceildivsi" -> {
        LLVMValueRef q = LLVMBuildSDiv(b, x, y, "");
        LLVMValueRef r = LLVMBuildSRem(b, x, y, "");
        LLVMValueRef zero = LLVMConstInt(t, 0, 0);
        LLVMValueRef adjust = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntNE, r, zero, ""),
            LLVMBuildICmp(b, LLVMIntEQ, LLVMBuildICmp(b, LLVMIntSLT, r, zero, ""), LLVMBuildICmp(b, LLVMIntSLT, y, zero, ""), ""), "");
        yield LLVMBuildAdd(b, q, LLVMBuildZExt(b, adjust, t, ""), "");
      }
      case "addf" -> LLVMBuildFAdd(b, x, y, "");
      case "subf" -> LLVMBuildFSub(b, x, y, "");
      case "mulf" -> LLVMBuildFMul(b, x, y, "");
      case "divf" -> LLVMBuildFDiv(b, x, y, "");
      case "remf" -> LLVMBuildFRem(b, x, y, "");
      case "negf" -> LLVMBuildFNeg(b, x, "");
      case "maxf" -> intrinsic(e, b, "llvm.maximum", t, x, y);
      case "minf" -> intrinsic(e, b, "llvm.minimum", t, x, y);
      case "cmpi" -> LLVMBuildICmp(b, ICMP[(int) ((IntegerAttr) op.attribute("predicate")).value()], x, y, "");
      case "cmpf" -> LLVMBuildFCmp(b, FCMP[(int) ((IntegerAttr) op.attribute("predicate")).value()], x, y, "");
      case "select" -> LLVMBuildSelect(b, x, y, e.v(op.operand(2)), "");
      case "index_cast", "extsi", "trunci" -> LLVMBuildIntCast2(b, x, t, 1, "");
      case "index_castui", "extui" -> LLVMBuildIntCast2(b, x, t, 0, "");
      case "sitofp" -> LLVMBuildSIToFP(b, x, t, "");
      case "uitofp" -> LLVMBuildUIToFP(b, x, t, "");
      case "fptosi" -> LLVMBuildFPToSI(b, x, t, "");
      case "fptoui" -> LLVMBuildFPToUI(b, x, t, "");
      case "extf" -> LLVMBuildFPExt(b, x, t, "");
      case "truncf" -> LLVMBuildFPTrunc(b, x, t, "");
      case "bitcast" -> LLVMBuildBitCast(b, x, t, "");
      default -> throw new CodegenException("'" + op.name() + "' is not supported by code generation");
    };
  }

  private static LLVMValueRef constant(LlvmEmitter e, Attribute value, Type type) {
    LLVMTypeRef t = e.type(type);
    return switch (value) {
      case IntegerAttr i -> LLVMConstInt(t, i.value(), 1);
      case FloatAttr f -> LLVMConstReal(t, f.value());
      case DenseElementsAttr d when type instanceof VectorType vt -> {
        LLVMValueRef[] elems = new LLVMValueRef[(int) vt.numElements()];
        LLVMTypeRef et = e.type(vt.element());
        for (int i = 0; i < elems.length; i++) {
          elems[i] = vt.element() instanceof FloatType ? LLVMConstReal(et, d.getDouble(i)) : LLVMConstInt(et, d.getLong(i), 1);
        }
        yield LLVMConstVector(ArithEmitter.ptrs(elems), elems.length);
      }
      default -> throw new CodegenException("constant " + value + " is not supported by code generation");
    };
  }

  static LLVMValueRef intrinsic(LlvmEmitter e, LLVMBuilderRef b, String name, LLVMTypeRef t, LLVMValueRef... args) {
    int id = LLVMLookupIntrinsicID(name, name.length());
    if (id == 0) throw new CodegenException("LLVM has no intrinsic " + name);
    LLVMValueRef fn = LLVMGetIntrinsicDeclaration(e.module(), id, ArithEmitter.ptrs(t), 1);
    LLVMTypeRef ft = LLVMIntrinsicGetType(e.context(), id, ArithEmitter.ptrs(t), 1);
    return LLVMBuildCall2(b, ft, fn, ArithEmitter.ptrs(args), args.length, "");
  }

  static LLVMValueRef math(LlvmEmitter e, LLVMBuilderRef b, Operation op) {
    LLVMTypeRef t = e.type(op.result(0).type());
    LLVMValueRef x = e.v(op.operand(0));
    boolean f32 = op.result(0).type() instanceof FloatType ft && ft.width() == 32;
    return switch (op.name().substring(5)) {
      case "exp" -> f32 ? new InlineMath(e, b).exp(x) : intrinsic(e, b, "llvm.exp", t, x);
      case "exp2" -> intrinsic(e, b, "llvm.exp2", t, x);
      case "log" -> intrinsic(e, b, "llvm.log", t, x);
      case "log2" -> intrinsic(e, b, "llvm.log2", t, x);
      case "log10" -> intrinsic(e, b, "llvm.log10", t, x);
      case "sqrt" -> intrinsic(e, b, "llvm.sqrt", t, x);
      case "rsqrt" -> LLVMBuildFDiv(b, LLVMConstReal(t, 1), intrinsic(e, b, "llvm.sqrt", t, x), "");
      case "absf" -> intrinsic(e, b, "llvm.fabs", t, x);
      case "ceil" -> intrinsic(e, b, "llvm.ceil", t, x);
      case "floor" -> intrinsic(e, b, "llvm.floor", t, x);
      case "sin" -> intrinsic(e, b, "llvm.sin", t, x);
      case "cos" -> intrinsic(e, b, "llvm.cos", t, x);
      case "tanh" -> f32 ? new InlineMath(e, b).tanh(x) : intrinsic(e, b, "llvm.tanh", t, x);
      case "powf" -> intrinsic(e, b, "llvm.pow", t, x, e.v(op.operand(1)));
      case "fma" -> intrinsic(e, b, "llvm.fma", t, x, e.v(op.operand(1)), e.v(op.operand(2)));
      case "erf" -> {
        if (f32) yield new InlineMath(e, b).erf(x);
        boolean f64 = ((FloatType) op.result(0).type()).width() == 64;
        yield e.callRuntime(f64 ? "erf" : "erff", t, x);
      }
      default -> throw new CodegenException("'" + op.name() + "' is not supported by code generation");
    };
  }

  /** The text of an LLVM error, which it consumes. */
  static String errorMessage(LLVMErrorRef e) {
    BytePointer p = LLVMGetErrorMessage(e);
    String s = p.getString();
    LLVMDisposeErrorMessage(p);
    return s;
  }

  /** The text of a string LLVM allocated for the caller, which it frees. */
  static String message(BytePointer p) {
    String s = p.getString();
    LLVMDisposeMessage(p);
    return s;
  }
}
