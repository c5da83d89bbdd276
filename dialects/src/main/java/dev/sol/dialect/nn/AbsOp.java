package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Absolute value.
 *
 * <pre>{@code %1 = "nn.abs"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class AbsOp extends NnOp implements Pure, Elementwise {
  public static final OpSpec SPEC = OpSpec.named("nn.abs", AbsOp.class, AbsOp::new)
      .operand("input", ANY).result("output", ANY);

  private AbsOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    return List.of(operandType(0));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor x0 = in.get(0);
    Tensor out = Tensor.zeros(x0.element(), x0.shape());
    for (int i = 0; i < out.size(); i++) {
      double x = x0.get(i);
      out.set(i, Math.abs(x));
    }
    return List.of(out);
  }
}
