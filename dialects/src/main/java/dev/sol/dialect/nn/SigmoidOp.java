package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * 1 / (1 + exp(-x)).
 *
 * <pre>{@code %1 = "nn.sigmoid"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class SigmoidOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.sigmoid", SigmoidOp.class, SigmoidOp::new)
      .operand("input", ANY).result("output", ANY);

  private SigmoidOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return x -> 1 / (1 + Math.exp(-x));
  }
}
