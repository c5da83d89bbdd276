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

  /** An nn.constant holding {@code value}, of its type. */
  public static ConstantOp create(Builder b, Location loc, DenseElementsAttr value) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).attribute("value", value).results(value.type()));
  }

  /** The elements; the verifier checks that the attribute is a dense elements attribute. */
  public DenseElementsAttr value() { return (DenseElementsAttr) attribute("value"); }

  @Override public List<Type> inferResultTypes() {
    if (!(attribute("value") instanceof DenseElementsAttr d)) throw new ShapeError("value must be a dense elements attribute");
    return List.of(d.type());
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    return List.of(Tensor.fromAttribute(value()));
  }
}
