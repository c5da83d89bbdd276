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

  /** What padded positions hold: a constant, the input mirrored at its edge, the edge repeated, or the input wrapped around. */
  public enum Mode { CONSTANT, REFLECT, EDGE, WRAP }

  /** The padding at the beginning of every dimension, then at the end (negative values crop). */
  public long[] pads() { return intsAttr("pads"); }

  /** Attribute mode: "constant" (the default), "reflect", "edge" or "wrap"; the verifier rejects others. */
  public Mode mode() {
    String mode = stringAttr("mode", "constant");
    for (Mode m : Mode.values()) if (m.name().toLowerCase(java.util.Locale.ROOT).equals(mode)) return m;
    throw new ShapeError("unknown mode '" + mode + "'");
  }

  /** The value of padded positions in constant mode, 0 when absent. */
  public double value() { return floatAttr("value", 0); }

  @Override public List<Type> inferResultTypes() {
    long[] x = operandType(0).shape();
    long[] p = pads();
    if (p.length != 2 * x.length) throw new ShapeError("pads needs " + 2 * x.length + " entries");
    mode();
    long[] out = new long[x.length];
    for (int d = 0; d < x.length; d++) {
      out[d] = Math.addExact(Math.addExact(x[d], p[d]), p[d + x.length]);
      if (out[d] < 0) throw new ShapeError("padding removes more than dimension " + d + " holds");
      // Every mode reads the input at the edge (constant mode too, then discards it): an empty dimension has none.
      if (x[d] == 0 && out[d] > 0) throw new ShapeError("mode '" + mode().name().toLowerCase(java.util.Locale.ROOT) + "' cannot pad the empty dimension " + d);
    }
    return List.of(like(0, out));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor x = in.get(0);
    long[] p = pads();
    Mode mode = mode();
    double value = value();
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
            case REFLECT -> {
              if (n == 1) i = 0;
              else {
                long period = 2 * (n - 1);
                i = Math.floorMod(i, period);
                if (i >= n) i = period - i;
              }
            }
            case EDGE -> i = i < 0 ? 0 : n - 1;
            case WRAP -> i = Math.floorMod(i, n);
            case CONSTANT -> constant = true;
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
