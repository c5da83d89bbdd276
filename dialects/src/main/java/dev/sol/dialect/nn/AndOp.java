package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * Logical conjunction of two i1 tensors, with broadcasting.
 *
 * <pre>{@code %2 = "nn.and"(%0, %1) : (tensor<2x3xi1>, tensor<3xi1>) -> tensor<2x3xi1>}</pre>
 */
public final class AndOp extends LogicalBinaryOp {
  public static final OpSpec SPEC = OpSpec.named("nn.and", AndOp.class, AndOp::new)
      .operand("lhs", ANY).operand("rhs", ANY).result("output", ANY);

  private AndOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected boolean apply(boolean a, boolean b) {
    return a && b;
  }
}
