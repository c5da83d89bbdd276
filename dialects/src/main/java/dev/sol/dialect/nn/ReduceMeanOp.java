package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * Reduces (mean) over the axes (all when absent), keeping them as size 1 when keepdims.
 *
 * <pre>{@code %1 = "nn.reduce_mean"(%0) {axes = array<i64: 1>, keepdims = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x1xf32>}</pre>
 */
public final class ReduceMeanOp extends ReduceOp {
  public static final OpSpec SPEC = OpSpec.named("nn.reduce_mean", ReduceMeanOp.class, ReduceMeanOp::new)
      .operand("input", ANY).optionalAttribute("axes", DENSE_I64_ARRAY).optionalAttribute("keepdims", I64).result("output", ANY);

  private ReduceMeanOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public Reductions.Kind kind() { return Reductions.Kind.MEAN; }
}
