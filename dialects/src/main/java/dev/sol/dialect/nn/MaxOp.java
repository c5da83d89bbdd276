package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Elementwise maximum with broadcasting.
 *
 * <pre>{@code %2 = "nn.max"(%0, %1) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>}</pre>
 */
public final class MaxOp extends NnOp implements Pure, Elementwise {
  public static final OpSpec SPEC = OpSpec.named("nn.max", MaxOp.class, MaxOp::new)
      .operand("lhs", ANY).operand("rhs", ANY).result("output", ANY);

  private MaxOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    return List.of(like(0, Broadcast.shape(operandType(0).shape(), operandType(1).shape())));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor x0 = in.get(0);
    Tensor x1 = in.get(1);
    long[] shape = Broadcast.shape(x0.shape(), x1.shape());
    int[] ma = Broadcast.indexMap(x0.shape(), shape);
    int[] mb = Broadcast.indexMap(x1.shape(), shape);
    Tensor out = Tensor.zeros(x0.element(), shape);
    for (int i = 0; i < out.size(); i++) {
      double a = x0.get(ma[i]);
      double b = x1.get(mb[i]);
      out.set(i, Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b));
    }
    return List.of(out);
  }
}
