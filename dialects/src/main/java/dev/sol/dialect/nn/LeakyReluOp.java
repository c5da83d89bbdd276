package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * x for x >= 0, alpha * x otherwise (attribute alpha, default 0.01).
 *
 * <pre>{@code %1 = "nn.leaky_relu"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class LeakyReluOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.leaky_relu", LeakyReluOp.class, LeakyReluOp::new)
      .operand("input", ANY).result("output", ANY);

  private LeakyReluOp(OperationState state) {
    super(state, SPEC);
  }

  /** The slope for negative inputs. */
  public double alpha() { return floatAttr("alpha", 0.01); }

  @Override protected DoubleUnaryOperator function() {
    double alpha = alpha();
    return x -> x >= 0 ? x : alpha * x;
  }
}
