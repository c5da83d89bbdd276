package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * Logical disjunction of two i1 tensors, with broadcasting.
 *
 * <pre>{@code %2 = "nn.or"(%0, %1) : (tensor<2x3xi1>, tensor<3xi1>) -> tensor<2x3xi1>}</pre>
 */
public final class OrOp extends LogicalBinaryOp {
  public static final OpSpec SPEC = OpSpec.named("nn.or", OrOp.class, OrOp::new)
      .operand("lhs", ANY).operand("rhs", ANY).result("output", ANY);

  private OrOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected boolean apply(boolean a, boolean b) {
    return a || b;
  }
}
