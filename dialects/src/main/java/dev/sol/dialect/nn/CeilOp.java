package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * Rounds up.
 *
 * <pre>{@code %1 = "nn.ceil"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class CeilOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.ceil", CeilOp.class, CeilOp::new)
      .operand("input", ANY).result("output", ANY);

  private CeilOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return Math::ceil;
  }
}
