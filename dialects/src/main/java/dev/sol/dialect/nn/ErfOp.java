package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * The error function.
 *
 * <pre>{@code %1 = "nn.erf"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class ErfOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.erf", ErfOp.class, ErfOp::new)
      .operand("input", ANY).result("output", ANY);

  private ErfOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return Erf::erf;
  }
}
