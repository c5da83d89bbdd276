package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * The index of the smallest element along an axis ({@link ArgReduceOp}).
 *
 * <pre>{@code %1 = "nn.argmin"(%0) {axis = 1 : i64, keepdims = 0 : i64} : (tensor<2x3xf32>) -> tensor<2xi64>}</pre>
 */
public final class ArgMinOp extends ArgReduceOp {
  public static final OpSpec SPEC = OpSpec.named("nn.argmin", ArgMinOp.class, ArgMinOp::new)
      .operand("input", ANY).optionalAttribute("axis", I64).optionalAttribute("keepdims", I64).optionalAttribute("select_last_index", I64)
      .result("output", ANY);

  private ArgMinOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public boolean max() { return false; }
}
