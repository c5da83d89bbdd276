package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * x for x >= 0, alpha * x otherwise (attribute alpha, default 0.01).
 *
 * <pre>{@code %1 = "nn.leaky_relu"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class LeakyReluOp extends NnOp implements Pure, Elementwise {
  public static final OpSpec SPEC = OpSpec.named("nn.leaky_relu", LeakyReluOp.class, LeakyReluOp::new)
      .operand("input", ANY).result("output", ANY);

  private LeakyReluOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    return List.of(operandType(0));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    double alpha = floatAttr("alpha", 0.01);
    Tensor x0 = in.get(0);
    Tensor out = Tensor.zeros(x0.element(), x0.shape());
    for (int i = 0; i < out.size(); i++) {
      double x = x0.get(i);
      out.set(i, x >= 0 ? x : alpha * x);
    }
    return List.of(out);
  }
}
