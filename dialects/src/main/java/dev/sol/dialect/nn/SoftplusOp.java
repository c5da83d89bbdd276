package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * log(1 + exp(x)).
 *
 * <pre>{@code %1 = "nn.softplus"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class SoftplusOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.softplus", SoftplusOp.class, SoftplusOp::new)
      .operand("input", ANY).result("output", ANY);

  private SoftplusOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return x -> Math.log1p(Math.exp(x));
  }
}
