package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Clamps to [min, max] (attributes; absent means unbounded).
 *
 * <pre>{@code %1 = "nn.clip"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class ClipOp extends NnOp implements Pure, Elementwise {
  public static final OpSpec SPEC = OpSpec.named("nn.clip", ClipOp.class, ClipOp::new)
      .operand("input", ANY).result("output", ANY);

  private ClipOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    return List.of(operandType(0));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    double min = floatAttr("min", Double.NEGATIVE_INFINITY);
    double max = floatAttr("max", Double.POSITIVE_INFINITY);
    Tensor x0 = in.get(0);
    Tensor out = Tensor.zeros(x0.element(), x0.shape());
    for (int i = 0; i < out.size(); i++) {
      double x = x0.get(i);
      out.set(i, Math.min(Math.max(x, min), max));
    }
    return List.of(out);
  }
}
