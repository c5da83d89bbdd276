package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;

/** Shared verification of arith casts and comparisons. */
final class ArithCasts {
  private ArithCasts() {}

  enum Kind { ANY, INDEX, WIDER, NARROWER, SAME_WIDTH }

  static int width(Type t) {
    return switch (t) {
      case IntegerType i -> i.width();
      case FloatType f -> f.width();
      default -> 64;
    };
  }

  static boolean verify(Operation op, Diagnostics diag, Kind kind) {
    Type in = op.operand(0).type();
    Type out = op.result(0).type();
    if (!Constraints.sameShape(in, out)) {
      return diag.report(op.opError("requires the same shape for all operands and results"));
    }
    Type src = Constraints.elementOrSelf(in);
    Type dst = Constraints.elementOrSelf(out);
    boolean ok = switch (kind) {
      case ANY -> true;
      case INDEX -> (src instanceof IndexType) != (dst instanceof IndexType);
      case WIDER -> src.getClass() == dst.getClass() && width(dst) > width(src);
      case NARROWER -> src.getClass() == dst.getClass() && width(dst) < width(src);
      case SAME_WIDTH -> width(src) == width(dst) && !(src instanceof IndexType) && !(dst instanceof IndexType);
    };
    if (ok) return true;
    return diag.report(op.opError("operand type '" + in + "' and result type '" + out + "' are cast incompatible"));
  }

  /** i1, or the vector or tensor of i1 with the shape of {@code operand}: the result type of a comparison. */
  static Type boolLike(Type operand) {
    return switch (operand) {
      case VectorType v -> v.withElement(IntegerType.I1);
      case RankedTensorType t -> new RankedTensorType(t.shape(), IntegerType.I1);
      default -> IntegerType.I1;
    };
  }

  static boolean verifyCompareResult(Operation op, Diagnostics diag) {
    Type operand = op.operand(0).type();
    Type result = op.result(0).type();
    long[] shape = Constraints.shapeOf(operand);
    boolean ok = shape == null ? result.equals(IntegerType.I1)
        : Constraints.sameShape(operand, result) && Constraints.elementOrSelf(result).equals(IntegerType.I1);
    if (!ok) {
      return diag.report(op.opError("failed to verify that result type has i1 element type and same shape as operands"));
    }
    return true;
  }
}
