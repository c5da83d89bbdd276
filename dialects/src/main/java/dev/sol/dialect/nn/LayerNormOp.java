package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Normalizes over dimensions axis.. (mean 0, variance 1), then scale and optional bias; also returns mean and 1/stddev.
 *
 * <pre>{@code %y:3 = "nn.layer_norm"(%x, %s) {axis = 1 : i64, epsilon = 1.0e-05 : f64} : (tensor<2x4xf32>, tensor<4xf32>) -> (tensor<2x4xf32>, tensor<2x1xf32>, tensor<2x1xf32>)}</pre>
 */
public final class LayerNormOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.layer_norm", LayerNormOp.class, LayerNormOp::new)
      .operand("input", ANY).operand("scale", ANY).optionalOperand("bias", ANY).attribute("axis", I64).optionalAttribute("epsilon", ANY_ATTR).result("output", ANY).result("mean", ANY).result("inv_std_dev", ANY);

  private LayerNormOp(OperationState state) {
    super(state, SPEC);
  }

  /** The first normalized dimension; the verifier requires 0 <= axis < rank. */
  public int axis() { return (int) longAttr("axis", -1); }

  /** Added to the variance before its square root, 1e-5 when absent. */
  public double epsilon() { return floatAttr("epsilon", 1e-5); }

  @Override public List<Type> inferResultTypes() {
    long[] x = operandType(0).shape();
    int axis = axis();
    if (axis < 0 || axis >= x.length) throw new ShapeError("axis " + axis + " is out of range for rank " + x.length);
    floatOperand(0);
    sameElementTypes(0, numOperands());
    long[] normalized = java.util.Arrays.copyOfRange(x, axis, x.length);
    for (int i = 1; i < numOperands(); i++) {
      if (!Broadcast.broadcastsTo(operandType(i).shape(), normalized)) {
        throw new ShapeError("operand #" + i + " of shape " + java.util.Arrays.toString(operandType(i).shape()) + " does not broadcast to the normalized "
            + java.util.Arrays.toString(normalized));
      }
    }
    long[] stat = x.clone();
    for (int d = axis; d < x.length; d++) stat[d] = 1;
    return List.of(operandType(0), new RankedTensorType(stat, FloatType.F32), new RankedTensorType(stat, FloatType.F32));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor x = in.get(0);
    int axis = axis();
    long[] shape = x.shape();
    long inner = Tensor.count(java.util.Arrays.copyOfRange(shape, axis, shape.length));
    long outer = inner == 0 ? 0 : x.size() / inner;
    long[] stat = shape.clone();
    for (int d = axis; d < shape.length; d++) stat[d] = 1;
    double eps = epsilon();
    Tensor y = Tensor.zeros(x.element(), shape);
    Tensor mean = Tensor.zeros(FloatType.F32, stat);
    Tensor inv = Tensor.zeros(FloatType.F32, stat);
    long[] inner2 = java.util.Arrays.copyOfRange(shape, axis, shape.length);
    int[] ms = Broadcast.indexMap(in.get(1).shape(), inner2);
    int[] mb = in.size() > 2 ? Broadcast.indexMap(in.get(2).shape(), inner2) : null;
    for (long o = 0; o < outer; o++) {
      double sum = 0;
      for (long i = 0; i < inner; i++) sum += x.get((int) (o * inner + i));
      double mu = sum / inner;
      double var = 0;
      for (long i = 0; i < inner; i++) {
        double dv = x.get((int) (o * inner + i)) - mu;
        var += dv * dv;
      }
      double is = 1 / Math.sqrt(var / inner + eps);
      mean.set((int) o, mu);
      inv.set((int) o, is);
      for (long i = 0; i < inner; i++) {
        double v = (x.get((int) (o * inner + i)) - mu) * is * in.get(1).get(ms[(int) i]);
        if (mb != null) v += in.get(2).get(mb[(int) i]);
        y.set((int) (o * inner + i), v);
      }
    }
    return List.of(y, mean, inv);
  }
}
