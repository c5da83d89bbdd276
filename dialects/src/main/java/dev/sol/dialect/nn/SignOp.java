package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * The sign: 1, -1 or 0 (ONNX's Sign). A NaN stays NaN, and -0 gives +0, as in ONNX Runtime.
 *
 * <pre>{@code %1 = "nn.sign"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class SignOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.sign", SignOp.class, SignOp::new)
      .operand("input", ANY).result("output", ANY);

  private SignOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return x -> x > 0 ? 1 : x < 0 ? -1 : x + 0.0;
  }

  @Override protected LongUnaryOperator integerFunction(Type element) {
    return Integers.isUnsigned(element) ? x -> x != 0 ? 1 : 0 : Long::signum;
  }
}
