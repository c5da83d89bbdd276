package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;
import java.util.Locale;

/**
 * Compares two tensors element by element, with broadcasting, into i1: ONNX's Equal, Less,
 * LessOrEqual, Greater and GreaterOrEqual. Attribute predicate: eq, lt, le, gt or ge. Both
 * operands hold one element type; floats compare ordered (a NaN makes every predicate false),
 * unsigned integers as unsigned, i1 for eq only.
 *
 * <pre>{@code %2 = "nn.compare"(%0, %1) {predicate = "lt"} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>}</pre>
 */
public final class CompareOp extends NnOp implements Pure, Elementwise {
  public static final OpSpec SPEC = OpSpec.named("nn.compare", CompareOp.class, CompareOp::new)
      .operand("lhs", ANY).operand("rhs", ANY).result("output", ANY);

  private CompareOp(OperationState state) {
    super(state, SPEC);
  }

  /** What the op asks of each pair of elements. */
  public enum Predicate {
    EQ, LT, LE, GT, GE;

    /** Whether a comparison that came out as {@code c} (negative, zero, positive) satisfies this predicate. */
    boolean holds(int c) {
      return switch (this) {
        case EQ -> c == 0;
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        case GE -> c >= 0;
      };
    }
  }

  /** Attribute predicate; the verifier rejects a missing or unknown one. */
  public Predicate predicate() {
    String p = stringAttr("predicate", "");
    for (Predicate q : Predicate.values()) if (q.name().toLowerCase(Locale.ROOT).equals(p)) return q;
    throw new ShapeError("predicate must be one of eq, lt, le, gt, ge, got '" + p + "'");
  }

  @Override public List<Type> inferResultTypes() {
    Predicate p = predicate();
    sameElementTypes(0, 2);
    // As in ONNX, booleans compare for equality only (an ordering of i1 has no agreed sign).
    if (p != Predicate.EQ && operandType(0).element() instanceof IntegerType t && t.width() == 1) {
      throw new ShapeError("compares i1 elements for eq only, not " + p.name().toLowerCase(Locale.ROOT));
    }
    return List.of(new RankedTensorType(Broadcast.shape(operandType(0).shape(), operandType(1).shape()), IntegerType.I1));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Predicate p = predicate();
    Tensor x0 = in.get(0);
    Tensor x1 = in.get(1);
    long[] shape = Broadcast.shape(x0.shape(), x1.shape());
    int[] ma = Broadcast.indexMap(x0.shape(), shape);
    int[] mb = Broadcast.indexMap(x1.shape(), shape);
    Tensor out = Tensor.zeros(IntegerType.I1, shape);
    boolean unsigned = x0.isUnsigned();
    for (int i = 0; i < out.size(); i++) {
      boolean holds;
      if (x0.isFloat()) {
        double a = x0.get(ma[i]);
        double b = x1.get(mb[i]);
        holds = !Double.isNaN(a) && !Double.isNaN(b) && p.holds(Double.compare(a == 0 ? 0.0 : a, b == 0 ? 0.0 : b));
      } else {
        long a = x0.getLong(ma[i]);
        long b = x1.getLong(mb[i]);
        holds = p.holds(Integers.compare(a, b, unsigned));
      }
      out.setLong(i, holds ? 1 : 0);
    }
    return List.of(out);
  }
}
