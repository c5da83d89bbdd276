package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * 1 / x.
 *
 * <pre>{@code %1 = "nn.reciprocal"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class ReciprocalOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.reciprocal", ReciprocalOp.class, ReciprocalOp::new)
      .operand("input", ANY).result("output", ANY);

  private ReciprocalOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return x -> 1 / x;
  }
}
