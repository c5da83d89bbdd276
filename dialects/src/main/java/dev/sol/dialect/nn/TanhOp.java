package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * Hyperbolic tangent.
 *
 * <pre>{@code %1 = "nn.tanh"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class TanhOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.tanh", TanhOp.class, TanhOp::new)
      .operand("input", ANY).result("output", ANY);

  private TanhOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return Math::tanh;
  }
}
