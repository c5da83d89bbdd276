package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * Elementwise maximum with broadcasting.
 *
 * <pre>{@code %2 = "nn.max"(%0, %1) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>}</pre>
 */
public final class MaxOp extends BroadcastBinaryOp {
  public static final OpSpec SPEC = OpSpec.named("nn.max", MaxOp.class, MaxOp::new)
      .operand("lhs", ANY).operand("rhs", ANY).result("output", ANY);

  private MaxOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected double apply(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
  }

  @Override protected long apply(long a, long b, boolean unsigned) {
    return Integers.max(a, b, unsigned);
  }
}
