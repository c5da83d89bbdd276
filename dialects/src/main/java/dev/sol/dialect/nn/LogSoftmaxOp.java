package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * log(softmax(x)) along one axis (attribute axis, default -1).
 *
 * <pre>{@code %1 = "nn.log_softmax"(%0) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>}</pre>
 */
public final class LogSoftmaxOp extends SoftmaxLikeOp {
  public static final OpSpec SPEC = OpSpec.named("nn.log_softmax", LogSoftmaxOp.class, LogSoftmaxOp::new)
      .operand("input", ANY).optionalAttribute("axis", I64).result("output", ANY);

  private LogSoftmaxOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public boolean isLog() { return true; }
}
