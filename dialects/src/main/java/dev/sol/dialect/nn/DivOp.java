package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * Elementwise quotient with broadcasting (integer division truncates).
 *
 * <pre>{@code %2 = "nn.div"(%0, %1) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>}</pre>
 */
public final class DivOp extends BroadcastBinaryOp {
  public static final OpSpec SPEC = OpSpec.named("nn.div", DivOp.class, DivOp::new)
      .operand("lhs", ANY).operand("rhs", ANY).result("output", ANY);

  private DivOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected double apply(double a, double b, boolean floats) {
    return floats ? a / b : (double) ((long) a / (long) b);
  }
}
