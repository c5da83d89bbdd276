package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Returns its operand.
 *
 * <pre>{@code %1 = "nn.identity"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class IdentityOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.identity", IdentityOp.class, IdentityOp::new)
      .operand("input", ANY).result("output", ANY);

  private IdentityOp(OperationState state) {
    super(state, SPEC);
  }

  @Override protected DoubleUnaryOperator function() {
    return x -> x;
  }

  @Override protected LongUnaryOperator integerFunction(Type element) {
    return x -> x;
  }
}
