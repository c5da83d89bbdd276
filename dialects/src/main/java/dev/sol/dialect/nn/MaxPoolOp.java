package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * Max pooling over windows of kernel_shape; explicit pads, ceil_mode.
 *
 * <pre>{@code %1 = "nn.max_pool"(%x) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>}</pre>
 */
public final class MaxPoolOp extends PoolOp {
  public static final OpSpec SPEC = OpSpec.named("nn.max_pool", MaxPoolOp.class, MaxPoolOp::new)
      .operand("input", ANY).attribute("kernel_shape", DENSE_I64_ARRAY).optionalAttribute("strides", DENSE_I64_ARRAY).optionalAttribute("pads", DENSE_I64_ARRAY).optionalAttribute("dilations", DENSE_I64_ARRAY).optionalAttribute("ceil_mode", I64).optionalAttribute("count_include_pad", I64).result("output", ANY);

  private MaxPoolOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public boolean isMax() { return true; }
}
