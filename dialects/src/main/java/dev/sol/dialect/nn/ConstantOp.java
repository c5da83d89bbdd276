package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * A constant tensor.
 *
 * <pre>{@code %0 = "nn.constant"() {value = dense<1.0> : tensor<2xf32>} : () -> tensor<2xf32>}</pre>
 */
public final class ConstantOp extends NnOp implements Pure, ConstantLike {
  public static final OpSpec SPEC = OpSpec.named("nn.constant", ConstantOp.class, ConstantOp::new)
      .attribute("value", TYPED).result("output", ANY);

  private ConstantOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    if (!(attribute("value") instanceof DenseElementsAttr d)) throw new ShapeError("value must be a dense elements attribute");
    return List.of(d.type());
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    return List.of(Tensor.fromAttribute((DenseElementsAttr) attribute("value")));
  }
}
