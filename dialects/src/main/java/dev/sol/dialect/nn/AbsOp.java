package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Absolute value.
 *
 * <pre>{@code %1 = "nn.abs"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class AbsOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.abs", AbsOp.class, AbsOp::new)
      .operand("input", ANY).result("output", ANY);

  private AbsOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return Math::abs;
  }

  /** Unsigned values are their own magnitude; the most negative signed value stays itself, as in two's complement. */
  @Override protected LongUnaryOperator integerFunction(Type element) {
    return Integers.isUnsigned(element) ? x -> x : Math::abs;
  }
}
