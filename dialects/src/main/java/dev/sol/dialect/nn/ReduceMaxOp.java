package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;

/**
 * Reduces (max) over the axes (all when absent), keeping them as size 1 when keepdims.
 *
 * <pre>{@code %1 = "nn.reduce_max"(%0) {axes = array<i64: 1>, keepdims = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x1xf32>}</pre>
 */
public final class ReduceMaxOp extends ReduceOp {
  public static final OpSpec SPEC = OpSpec.named("nn.reduce_max", ReduceMaxOp.class, ReduceMaxOp::new)
      .operand("input", ANY).optionalAttribute("axes", DENSE_I64_ARRAY).optionalAttribute("keepdims", I64).result("output", ANY);

  private ReduceMaxOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public Reductions.Kind kind() { return Reductions.Kind.MAX; }
}
