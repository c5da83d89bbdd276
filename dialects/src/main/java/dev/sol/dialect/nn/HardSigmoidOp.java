package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * max(0, min(1, alpha * x + beta)), alpha 0.2 and beta 0.5 by default.
 *
 * <pre>{@code %1 = "nn.hard_sigmoid"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class HardSigmoidOp extends NnOp implements Pure, Elementwise {
  public static final OpSpec SPEC = OpSpec.named("nn.hard_sigmoid", HardSigmoidOp.class, HardSigmoidOp::new)
      .operand("input", ANY).result("output", ANY);

  private HardSigmoidOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    return List.of(operandType(0));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    double alpha = floatAttr("alpha", 0.2);
    double beta = floatAttr("beta", 0.5);
    Tensor x0 = in.get(0);
    Tensor out = Tensor.zeros(x0.element(), x0.shape());
    for (int i = 0; i < out.size(); i++) {
      double x = x0.get(i);
      out.set(i, Math.max(0, Math.min(1, alpha * x + beta)));
    }
    return List.of(out);
  }
}
