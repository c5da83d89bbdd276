package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Pads every dimension by (begin..., end...) with mode constant (value), reflect, edge or wrap.
 *
 * <pre>{@code %1 = "nn.pad"(%x) {pads = array<i64: 0, 1, 0, 1>, mode = "constant", value = 0.0 : f64} : (tensor<2x2xf32>) -> tensor<2x4xf32>}</pre>
 */
public final class PadOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.pad", PadOp.class, PadOp::new)
      .operand("input", ANY).attribute("pads", DENSE_I64_ARRAY).optionalAttribute("mode", STRING).optionalAttribute("value", ANY_ATTR).result("output", ANY);

  private PadOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    long[] x = operandType(0).shape();
    long[] p = intsAttr("pads");
    if (p.length != 2 * x.length) throw new ShapeError("pads needs " + 2 * x.length + " entries");
    long[] out = new long[x.length];
    for (int d = 0; d < x.length; d++) {
      out[d] = x[d] + p[d] + p[d + x.length];
      if (out[d] < 0) throw new ShapeError("padding removes more than dimension " + d + " holds");
    }
    return List.of(like(0, out));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor x = in.get(0);
    long[] p = intsAttr("pads");
    String mode = stringAttr("mode", "constant");
    double value = floatAttr("value", 0);
    long[] in0 = x.shape();
    long[] outShape = ((RankedTensorType) result(0).type()).shape();
    long[] strides = Tensor.strides(in0);
    Tensor out = Tensor.zeros(x.element(), outShape);
    if (out.size() == 0) return List.of(out);
    long[] idx = new long[outShape.length];
    int f = 0;
    do {
      long src = 0;
      boolean constant = false;
      for (int d = 0; d < idx.length; d++) {
        long i = idx[d] - p[d];
        long n = in0[d];
        if (i < 0 || i >= n) {
          switch (mode) {
            case "reflect" -> {
              if (n == 1) i = 0;
              else {
                long period = 2 * (n - 1);
                i = Math.floorMod(i, period);
                if (i >= n) i = period - i;
              }
            }
            case "edge" -> i = i < 0 ? 0 : n - 1;
            case "wrap" -> i = Math.floorMod(i, n);
            default -> constant = true;
          }
        }
        src += i * strides[d];
      }
      if (constant) out.set(f++, value);
      else if (out.isFloat()) out.set(f++, x.get((int) src));
      else out.setLong(f++, x.getLong((int) src));
    } while (Spatial.next(idx, outShape));
    return List.of(out);
  }
}
