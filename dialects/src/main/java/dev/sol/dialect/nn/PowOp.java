package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * a ** b with broadcasting; the result has a's element type. Integers to integer powers are
 * exact ({@link Integers#power}); any mix with floats is computed in doubles and converted.
 *
 * <pre>{@code %2 = "nn.pow"(%0, %1) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>}</pre>
 */
public final class PowOp extends BroadcastBinaryOp {
  public static final OpSpec SPEC = OpSpec.named("nn.pow", PowOp.class, PowOp::new)
      .operand("lhs", ANY).operand("rhs", ANY).result("output", ANY);

  private PowOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected boolean mixesElementTypes() { return true; }

  @Override protected double apply(double a, double b) {
    return Math.pow(a, b);
  }

  @Override protected long apply(long a, long b, boolean unsigned) {
    return Integers.power(a, b, Integers.isUnsigned(operandType(1).element()));
  }
}
