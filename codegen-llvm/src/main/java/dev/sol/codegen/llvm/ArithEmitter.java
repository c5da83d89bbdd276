package dev.sol.codegen.llvm;

import static dev.sol.codegen.llvm.LlvmNative.ptrs;
import static org.bytedeco.llvm.global.LLVM.*;

import dev.sol.dialect.arith.*;
import dev.sol.ir.*;
import org.bytedeco.llvm.LLVM.*;

/** arith operations as LLVM instructions and intrinsics. */
final class ArithEmitter {
  private final LlvmEmitter e;

  ArithEmitter(LlvmEmitter e) { this.e = e; }

  private LLVMValueRef v(Value x) { return e.v(x); }

  /** Emits {@code op} if it is an arith op this emitter knows; false otherwise. */
  boolean emit(Operation op) {
    LLVMBuilderRef b = e.builder();
    LLVMValueRef r = switch (op) {
      case ConstantOp c -> constant(c.value(), c.result().type());
      case AddIOp o -> LLVMBuildAdd(b, v(o.lhs()), v(o.rhs()), "");
      case SubIOp o -> LLVMBuildSub(b, v(o.lhs()), v(o.rhs()), "");
      case MulIOp o -> LLVMBuildMul(b, v(o.lhs()), v(o.rhs()), "");
      case DivSIOp o -> LLVMBuildSDiv(b, v(o.lhs()), v(o.rhs()), "");
      case DivUIOp o -> LLVMBuildUDiv(b, v(o.lhs()), v(o.rhs()), "");
      case RemSIOp o -> LLVMBuildSRem(b, v(o.lhs()), v(o.rhs()), "");
      case RemUIOp o -> LLVMBuildURem(b, v(o.lhs()), v(o.rhs()), "");
      case AndIOp o -> LLVMBuildAnd(b, v(o.lhs()), v(o.rhs()), "");
      case OrIOp o -> LLVMBuildOr(b, v(o.lhs()), v(o.rhs()), "");
      case XOrIOp o -> LLVMBuildXor(b, v(o.lhs()), v(o.rhs()), "");
      case ShLIOp o -> LLVMBuildShl(b, v(o.lhs()), v(o.rhs()), "");
      case ShRSIOp o -> LLVMBuildAShr(b, v(o.lhs()), v(o.rhs()), "");
      case ShRUIOp o -> LLVMBuildLShr(b, v(o.lhs()), v(o.rhs()), "");
      case MaxSIOp o -> pick(LLVMIntSGE, v(o.lhs()), v(o.rhs()));
      case MinSIOp o -> pick(LLVMIntSLE, v(o.lhs()), v(o.rhs()));
      case MaxUIOp o -> pick(LLVMIntUGE, v(o.lhs()), v(o.rhs()));
      case MinUIOp o -> pick(LLVMIntULE, v(o.lhs()), v(o.rhs()));
      case FloorDivSIOp o -> floorDiv(v(o.lhs()), v(o.rhs()), e.type(o.result().type()));
      case CeilDivSIOp o -> ceilDiv(v(o.lhs()), v(o.rhs()), e.type(o.result().type()));
      case AddFOp o -> LLVMBuildFAdd(b, v(o.lhs()), v(o.rhs()), "");
      case SubFOp o -> LLVMBuildFSub(b, v(o.lhs()), v(o.rhs()), "");
      case MulFOp o -> LLVMBuildFMul(b, v(o.lhs()), v(o.rhs()), "");
      case DivFOp o -> LLVMBuildFDiv(b, v(o.lhs()), v(o.rhs()), "");
      case RemFOp o -> LLVMBuildFRem(b, v(o.lhs()), v(o.rhs()), "");
      case NegFOp o -> LLVMBuildFNeg(b, v(o.operand()), "");
      case MaxFOp o -> e.intrinsic("llvm.maximum", e.type(o.result().type()), v(o.lhs()), v(o.rhs()));
      case MinFOp o -> e.intrinsic("llvm.minimum", e.type(o.result().type()), v(o.lhs()), v(o.rhs()));
      case CmpIOp c -> LLVMBuildICmp(b, predicate(c.predicate()), v(c.lhs()), v(c.rhs()), "");
      case CmpFOp c -> LLVMBuildFCmp(b, predicate(c.predicate()), v(c.lhs()), v(c.rhs()), "");
      case SelectOp s -> LLVMBuildSelect(b, v(s.condition()), v(s.trueValue()), v(s.falseValue()), "");
      case IndexCastOp c -> LLVMBuildIntCast2(b, v(c.in()), e.type(c.result().type()), 1, "");
      case ExtSIOp c -> LLVMBuildIntCast2(b, v(c.in()), e.type(c.result().type()), 1, "");
      case TruncIOp c -> LLVMBuildIntCast2(b, v(c.in()), e.type(c.result().type()), 1, "");
      case IndexCastUIOp c -> LLVMBuildIntCast2(b, v(c.in()), e.type(c.result().type()), 0, "");
      case ExtUIOp c -> LLVMBuildIntCast2(b, v(c.in()), e.type(c.result().type()), 0, "");
      case SIToFPOp c -> LLVMBuildSIToFP(b, v(c.in()), e.type(c.result().type()), "");
      case UIToFPOp c -> LLVMBuildUIToFP(b, v(c.in()), e.type(c.result().type()), "");
      case FPToSIOp c -> LLVMBuildFPToSI(b, v(c.in()), e.type(c.result().type()), "");
      case FPToUIOp c -> LLVMBuildFPToUI(b, v(c.in()), e.type(c.result().type()), "");
      case ExtFOp c -> LLVMBuildFPExt(b, v(c.in()), e.type(c.result().type()), "");
      case TruncFOp c -> DoubleToHalf.applies(LLVMTypeOf(v(c.in())), e.type(c.result().type()))
          ? DoubleToHalf.emit(e, b, v(c.in()), e.type(c.result().type())) : LLVMBuildFPTrunc(b, v(c.in()), e.type(c.result().type()), "");
      case BitcastOp c -> LLVMBuildBitCast(b, v(c.in()), e.type(c.result().type()), "");
      default -> null;
    };
    if (r == null) return false;
    e.bind(op.result(0), r);
    return true;
  }

  /** {@code x} when {@code x predicate y} holds, else {@code y}: integer max and min. */
  private LLVMValueRef pick(int predicate, LLVMValueRef x, LLVMValueRef y) {
    LLVMBuilderRef b = e.builder();
    return LLVMBuildSelect(b, LLVMBuildICmp(b, predicate, x, y, ""), x, y, "");
  }

  /** Signed division rounding toward negative infinity: the quotient minus one when the signs differ and it is inexact. */
  private LLVMValueRef floorDiv(LLVMValueRef x, LLVMValueRef y, LLVMTypeRef t) {
    LLVMBuilderRef b = e.builder();
    LLVMValueRef q = LLVMBuildSDiv(b, x, y, "");
    LLVMValueRef r = LLVMBuildSRem(b, x, y, "");
    LLVMValueRef zero = LLVMConstInt(t, 0, 0);
    LLVMValueRef adjust = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntNE, r, zero, ""),
        LLVMBuildICmp(b, LLVMIntNE, LLVMBuildICmp(b, LLVMIntSLT, r, zero, ""), LLVMBuildICmp(b, LLVMIntSLT, y, zero, ""), ""), "");
    return LLVMBuildSub(b, q, LLVMBuildZExt(b, adjust, t, ""), "");
  }

  /** Signed division rounding toward positive infinity: the quotient plus one when the signs agree and it is inexact. */
  private LLVMValueRef ceilDiv(LLVMValueRef x, LLVMValueRef y, LLVMTypeRef t) {
    LLVMBuilderRef b = e.builder();
    LLVMValueRef q = LLVMBuildSDiv(b, x, y, "");
    LLVMValueRef r = LLVMBuildSRem(b, x, y, "");
    LLVMValueRef zero = LLVMConstInt(t, 0, 0);
    LLVMValueRef adjust = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntNE, r, zero, ""),
        LLVMBuildICmp(b, LLVMIntEQ, LLVMBuildICmp(b, LLVMIntSLT, r, zero, ""), LLVMBuildICmp(b, LLVMIntSLT, y, zero, ""), ""), "");
    return LLVMBuildAdd(b, q, LLVMBuildZExt(b, adjust, t, ""), "");
  }

  static int predicate(CmpIPredicate p) {
    return switch (p) {
      case EQ -> LLVMIntEQ;
      case NE -> LLVMIntNE;
      case SLT -> LLVMIntSLT;
      case SLE -> LLVMIntSLE;
      case SGT -> LLVMIntSGT;
      case SGE -> LLVMIntSGE;
      case ULT -> LLVMIntULT;
      case ULE -> LLVMIntULE;
      case UGT -> LLVMIntUGT;
      case UGE -> LLVMIntUGE;
    };
  }

  static int predicate(CmpFPredicate p) {
    return switch (p) {
      case FALSE -> LLVMRealPredicateFalse;
      case OEQ -> LLVMRealOEQ;
      case OGT -> LLVMRealOGT;
      case OGE -> LLVMRealOGE;
      case OLT -> LLVMRealOLT;
      case OLE -> LLVMRealOLE;
      case ONE -> LLVMRealONE;
      case ORD -> LLVMRealORD;
      case UEQ -> LLVMRealUEQ;
      case UGT -> LLVMRealUGT;
      case UGE -> LLVMRealUGE;
      case ULT -> LLVMRealULT;
      case ULE -> LLVMRealULE;
      case UNE -> LLVMRealUNE;
      case UNO -> LLVMRealUNO;
      case TRUE -> LLVMRealPredicateTrue;
    };
  }

  private LLVMValueRef constant(Attribute value, Type type) {
    LLVMTypeRef t = e.type(type);
    return switch (value) {
      case IntegerAttr i -> LLVMConstInt(t, i.value(), 1);
      case FloatAttr f -> LLVMConstReal(t, f.value());
      case DenseElementsAttr d when type instanceof VectorType vt && vt.isScalable() -> {
        // A scalable vector has no constant of fixed length: a splat is built at run time.
        if (!d.isSplat()) throw new CodegenException("constant " + value + " of scalable type " + vt + " must be a splat");
        yield e.vector().splat(vt, element(vt, d, 0));
      }
      case DenseElementsAttr d when type instanceof VectorType vt -> {
        LLVMValueRef[] elems = new LLVMValueRef[(int) vt.numElements()];
        for (int i = 0; i < elems.length; i++) elems[i] = element(vt, d, i);
        yield LLVMConstVector(ptrs(elems), elems.length);
      }
      default -> throw new CodegenException("constant " + value + " is not supported by code generation");
    };
  }

  private LLVMValueRef element(VectorType vt, DenseElementsAttr d, int i) {
    LLVMTypeRef et = e.type(vt.element());
    return vt.element() instanceof FloatType ? LLVMConstReal(et, d.getDouble(i)) : LLVMConstInt(et, d.getLong(i), 1);
  }
}
