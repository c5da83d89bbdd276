package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * max(x, 0).
 *
 * <pre>{@code %1 = "nn.relu"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class ReluOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.relu", ReluOp.class, ReluOp::new)
      .operand("input", ANY).result("output", ANY);

  private ReluOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return x -> Math.max(x, 0);
  }

  @Override protected LongUnaryOperator integerFunction(Type element) {
    return Integers.isUnsigned(element) ? x -> x : x -> Math.max(x, 0);
  }
}
