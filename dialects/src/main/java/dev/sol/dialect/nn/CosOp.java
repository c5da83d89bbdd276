package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * Cosine (radians).
 *
 * <pre>{@code %1 = "nn.cos"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class CosOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.cos", CosOp.class, CosOp::new)
      .operand("input", ANY).result("output", ANY);

  private CosOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return Math::cos;
  }
}
