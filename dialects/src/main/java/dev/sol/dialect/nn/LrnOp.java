package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Local response normalization across channels.
 *
 * <pre>{@code %1 = "nn.lrn"(%x) {size = 3 : i64, alpha = 1.0e-04 : f64, beta = 7.5e-01 : f64, bias = 1.0 : f64} : (tensor<1x4x2x2xf32>) -> tensor<1x4x2x2xf32>}</pre>
 */
public final class LrnOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.lrn", LrnOp.class, LrnOp::new)
      .operand("input", ANY).attribute("size", I64).optionalAttribute("alpha", ANY_ATTR).optionalAttribute("beta", ANY_ATTR).optionalAttribute("bias", ANY_ATTR).result("output", ANY);

  private LrnOp(OperationState state) {
    super(state, SPEC);
  }

  /** The number of channels summed over, 1 when absent. */
  public long size() { return longAttr("size", 1); }

  public double alpha() { return floatAttr("alpha", 1e-4); }

  public double beta() { return floatAttr("beta", 0.75); }

  public double bias() { return floatAttr("bias", 1); }

  @Override public List<Type> inferResultTypes() {
    if (operandType(0).rank() < 3) throw new ShapeError("expects an input of rank >= 3 (N, C, spatial...), got rank " + operandType(0).rank());
    floatOperand(0);
    if (size() < 1) throw new ShapeError("size must be at least 1, got " + size());
    long channels = operandType(0).shape()[1];
    // Each element sums size taps; a window far wider than the channels only meets padding.
    if (size() > PoolOp.MAX_TAPS && size() > channels) {
      throw new ShapeError("size " + size() + " is larger than the channels (" + channels + ") and SOL's limit of " + PoolOp.MAX_TAPS);
    }
    return List.of(operandType(0));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor x = in.get(0);
    Tensor out = Tensor.zeros(x.element(), x.shape());
    if (out.size() == 0) return List.of(out);
    long n = x.shape()[0];
    long c = x.shape()[1];
    long plane = x.size() / (n * c);
    long size = size();
    double alpha = alpha();
    double beta = beta();
    double bias = bias();
    for (long b = 0; b < n; b++) {
      for (long ch = 0; ch < c; ch++) {
        long lo = Math.max(0, ch - (size - 1) / 2);
        long hi = Math.min(c - 1, ch + (size - 1) - (size - 1) / 2);
        for (long p = 0; p < plane; p++) {
          double sq = 0;
          for (long j = lo; j <= hi; j++) {
            double v = x.get((int) ((b * c + j) * plane + p));
            sq += v * v;
          }
          int at = (int) ((b * c + ch) * plane + p);
          out.set(at, x.get(at) / Math.pow(bias + alpha / size * sq, beta));
        }
      }
    }
    return List.of(out);
  }
}
