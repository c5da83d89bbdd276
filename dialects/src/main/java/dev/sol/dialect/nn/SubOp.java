package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * Elementwise difference with broadcasting.
 *
 * <pre>{@code %2 = "nn.sub"(%0, %1) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>}</pre>
 */
public final class SubOp extends BroadcastBinaryOp {
  public static final OpSpec SPEC = OpSpec.named("nn.sub", SubOp.class, SubOp::new)
      .operand("lhs", ANY).operand("rhs", ANY).result("output", ANY);

  private SubOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected double apply(double a, double b) {
    return a - b;
  }

  @Override protected long apply(long a, long b, boolean unsigned) {
    return a - b;
  }
}
