package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * Square root.
 *
 * <pre>{@code %1 = "nn.sqrt"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class SqrtOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.sqrt", SqrtOp.class, SqrtOp::new)
      .operand("input", ANY).result("output", ANY);

  private SqrtOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return Math::sqrt;
  }
}
