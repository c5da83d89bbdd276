package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * Rounds down.
 *
 * <pre>{@code %1 = "nn.floor"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class FloorOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.floor", FloorOp.class, FloorOp::new)
      .operand("input", ANY).result("output", ANY);

  private FloorOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return Math::floor;
  }
}
