package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * Elementwise product with broadcasting.
 *
 * <pre>{@code %2 = "nn.mul"(%0, %1) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>}</pre>
 */
public final class MulOp extends BroadcastBinaryOp {
  public static final OpSpec SPEC = OpSpec.named("nn.mul", MulOp.class, MulOp::new)
      .operand("lhs", ANY).operand("rhs", ANY).result("output", ANY);

  private MulOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected double apply(double a, double b) {
    return a * b;
  }

  @Override protected long apply(long a, long b, boolean unsigned) {
    return a * b;
  }
}
