package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * x * max(0, min(1, x / 6 + 1 / 2)).
 *
 * <pre>{@code %1 = "nn.hard_swish"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class HardSwishOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.hard_swish", HardSwishOp.class, HardSwishOp::new)
      .operand("input", ANY).result("output", ANY);

  private HardSwishOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return x -> x * Math.max(0, Math.min(1, x / 6 + 0.5));
  }
}
