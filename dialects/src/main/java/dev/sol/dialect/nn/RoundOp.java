package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * Rounds to the nearest integer, halves to the even one (ONNX's Round: 2.5 -> 2, -1.5 -> -2).
 *
 * <pre>{@code %1 = "nn.round"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class RoundOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.round", RoundOp.class, RoundOp::new)
      .operand("input", ANY).result("output", ANY);

  private RoundOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return Math::rint;
  }
}
