package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Elementwise quotient with broadcasting (integer division truncates).
 *
 * <pre>{@code %2 = "nn.div"(%0, %1) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>}</pre>
 */
public final class DivOp extends NnOp implements Pure, Elementwise {
  public static final OpSpec SPEC = OpSpec.named("nn.div", DivOp.class, DivOp::new)
      .operand("lhs", ANY).operand("rhs", ANY).result("output", ANY);

  private DivOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    return List.of(like(0, Broadcast.shape(operandType(0).shape(), operandType(1).shape())));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor x0 = in.get(0);
    Tensor x1 = in.get(1);
    boolean intDiv = !x0.isFloat();
    long[] shape = Broadcast.shape(x0.shape(), x1.shape());
    int[] ma = Broadcast.indexMap(x0.shape(), shape);
    int[] mb = Broadcast.indexMap(x1.shape(), shape);
    Tensor out = Tensor.zeros(x0.element(), shape);
    for (int i = 0; i < out.size(); i++) {
      double a = x0.get(ma[i]);
      double b = x1.get(mb[i]);
      out.set(i, intDiv ? (double) ((long) a / (long) b) : a / b);
    }
    return List.of(out);
  }
}
