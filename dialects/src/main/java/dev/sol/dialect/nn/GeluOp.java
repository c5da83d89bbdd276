package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Gaussian error linear unit; attribute approximate = "none" (erf) or "tanh".
 *
 * <pre>{@code %1 = "nn.gelu"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class GeluOp extends NnOp implements Pure, Elementwise {
  public static final OpSpec SPEC = OpSpec.named("nn.gelu", GeluOp.class, GeluOp::new)
      .operand("input", ANY).result("output", ANY);

  private GeluOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    return List.of(operandType(0));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    boolean approximate = stringAttr("approximate", "none").equals("tanh");
    Tensor x0 = in.get(0);
    Tensor out = Tensor.zeros(x0.element(), x0.shape());
    for (int i = 0; i < out.size(); i++) {
      double x = x0.get(i);
      out.set(i, approximate ? 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))) : 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2))));
    }
    return List.of(out);
  }
}
