package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * exp(x) / sum(exp(x)) along one axis (attribute axis, default -1).
 *
 * <pre>{@code %1 = "nn.softmax"(%0) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>}</pre>
 */
public final class SoftmaxOp extends SoftmaxLikeOp {
  public static final OpSpec SPEC = OpSpec.named("nn.softmax", SoftmaxOp.class, SoftmaxOp::new)
      .operand("input", ANY).optionalAttribute("axis", I64).result("output", ANY);

  private SoftmaxOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public boolean isLog() { return false; }
}
