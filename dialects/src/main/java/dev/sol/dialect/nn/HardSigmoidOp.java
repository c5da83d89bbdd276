package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * max(0, min(1, alpha * x + beta)), alpha 0.2 and beta 0.5 by default.
 *
 * <pre>{@code %1 = "nn.hard_sigmoid"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class HardSigmoidOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.hard_sigmoid", HardSigmoidOp.class, HardSigmoidOp::new)
      .operand("input", ANY).result("output", ANY);

  private HardSigmoidOp(OperationState state) {
    super(state, SPEC);
  }

  public double alpha() { return floatAttr("alpha", 0.2); }

  public double beta() { return floatAttr("beta", 0.5); }

  @Override protected DoubleUnaryOperator function() {
    double alpha = alpha();
    double beta = beta();
    return x -> Math.max(0, Math.min(1, alpha * x + beta));
  }
}
