package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * Natural logarithm.
 *
 * <pre>{@code %1 = "nn.log"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class LogOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.log", LogOp.class, LogOp::new)
      .operand("input", ANY).result("output", ANY);

  private LogOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return Math::log;
  }
}
