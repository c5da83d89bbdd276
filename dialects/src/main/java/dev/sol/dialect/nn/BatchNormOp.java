package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Inference batch normalization per channel (dim 1): scale * (x - mean) / sqrt(var + epsilon) + bias.
 *
 * <pre>{@code %5 = "nn.batch_norm"(%x, %s, %b, %m, %v) {epsilon = 1.0e-05 : f64} : (tensor<1x2x4x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>}</pre>
 */
public final class BatchNormOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.batch_norm", BatchNormOp.class, BatchNormOp::new)
      .operand("input", ANY).operand("scale", ANY).operand("bias", ANY).operand("mean", ANY).operand("variance", ANY).optionalAttribute("epsilon", ANY_ATTR).result("output", ANY);

  private BatchNormOp(OperationState state) {
    super(state, SPEC);
  }

  /** Added to the variance before its square root, 1e-5 when absent. */
  public double epsilon() { return floatAttr("epsilon", 1e-5); }

  @Override public List<Type> inferResultTypes() {
    long[] x = operandType(0).shape();
    if (x.length < 2) throw new ShapeError("input must have a channel dimension");
    floatOperand(0);
    sameElementTypes(0, 5);
    for (int i = 1; i < 5; i++) {
      if (operandType(i).numElements() != x[1]) throw new ShapeError("operand #" + i + " must have " + x[1] + " elements");
    }
    return List.of(operandType(0));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor x = in.get(0);
    Tensor out = Tensor.zeros(x.element(), x.shape());
    if (out.size() == 0) return List.of(out);
    long c = x.shape()[1];
    long inner = x.size() / (x.shape()[0] * c);
    double eps = epsilon();
    for (int i = 0; i < x.size(); i++) {
      int ch = (int) ((i / inner) % c);
      out.set(i, in.get(1).get(ch) * (x.get(i) - in.get(3).get(ch)) / Math.sqrt(in.get(4).get(ch) + eps) + in.get(2).get(ch));
    }
    return List.of(out);
  }
}
