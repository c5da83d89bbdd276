package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * Sine (radians).
 *
 * <pre>{@code %1 = "nn.sin"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class SinOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.sin", SinOp.class, SinOp::new)
      .operand("input", ANY).result("output", ANY);

  private SinOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return Math::sin;
  }
}
