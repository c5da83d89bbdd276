package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * Elementwise minimum with broadcasting.
 *
 * <pre>{@code %2 = "nn.min"(%0, %1) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>}</pre>
 */
public final class MinOp extends BroadcastBinaryOp {
  public static final OpSpec SPEC = OpSpec.named("nn.min", MinOp.class, MinOp::new)
      .operand("lhs", ANY).operand("rhs", ANY).result("output", ANY);

  private MinOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected double apply(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
  }

  @Override protected long apply(long a, long b, boolean unsigned) {
    return Integers.min(a, b, unsigned);
  }
}
