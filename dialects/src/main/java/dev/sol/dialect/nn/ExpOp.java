package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * e^x.
 *
 * <pre>{@code %1 = "nn.exp"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class ExpOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.exp", ExpOp.class, ExpOp::new)
      .operand("input", ANY).result("output", ANY);

  private ExpOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return Math::exp;
  }
}
