package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * Elementwise quotient with broadcasting (integer division truncates toward zero, unsigned
 * for uint tensors; dividing an integer by zero has no result).
 *
 * <pre>{@code %2 = "nn.div"(%0, %1) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>}</pre>
 */
public final class DivOp extends BroadcastBinaryOp {
  public static final OpSpec SPEC = OpSpec.named("nn.div", DivOp.class, DivOp::new)
      .operand("lhs", ANY).operand("rhs", ANY).result("output", ANY);

  private DivOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected double apply(double a, double b) {
    return a / b;
  }

  @Override protected long apply(long a, long b, boolean unsigned) {
    return Integers.divide(a, b, unsigned);
  }
}
