package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * Logical exclusive or of two i1 tensors, with broadcasting.
 *
 * <pre>{@code %2 = "nn.xor"(%0, %1) : (tensor<2x3xi1>, tensor<3xi1>) -> tensor<2x3xi1>}</pre>
 */
public final class XorOp extends LogicalBinaryOp {
  public static final OpSpec SPEC = OpSpec.named("nn.xor", XorOp.class, XorOp::new)
      .operand("lhs", ANY).operand("rhs", ANY).result("output", ANY);

  private XorOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected boolean apply(boolean a, boolean b) {
    return a != b;
  }
}
