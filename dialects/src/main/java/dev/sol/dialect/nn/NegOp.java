package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * -x.
 *
 * <pre>{@code %1 = "nn.neg"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class NegOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.neg", NegOp.class, NegOp::new)
      .operand("input", ANY).result("output", ANY);

  private NegOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return x -> -x;
  }

  @Override protected LongUnaryOperator integerFunction(Type element) {
    return x -> -x;
  }
}
