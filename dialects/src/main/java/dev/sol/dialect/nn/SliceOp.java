package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Takes start:end:step on every dimension (normalized: 0 <= start, end exclusive, step != 0).
 *
 * <pre>{@code %1 = "nn.slice"(%x) {starts = array<i64: 0, 1>, ends = array<i64: 2, 3>, steps = array<i64: 1, 1>} : (tensor<2x4xf32>) -> tensor<2x2xf32>}</pre>
 */
public final class SliceOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.slice", SliceOp.class, SliceOp::new)
      .operand("input", ANY).attribute("starts", DENSE_I64_ARRAY).attribute("ends", DENSE_I64_ARRAY).attribute("steps", DENSE_I64_ARRAY).result("output", ANY);

  private SliceOp(OperationState state) {
    super(state, SPEC);
  }

  /** The first index of every dimension. */
  public long[] starts() { return intsAttr("starts"); }

  /** The end (exclusive) of every dimension. */
  public long[] ends() { return intsAttr("ends"); }

  /** The step of every dimension (not 0; negative steps run backwards). */
  public long[] steps() { return intsAttr("steps"); }

  @Override public List<Type> inferResultTypes() {
    long[] x = operandType(0).shape();
    long[] st = starts();
    long[] en = ends();
    long[] sp = steps();
    if (st.length != x.length || en.length != x.length || sp.length != x.length) throw new ShapeError("starts, ends and steps need one entry per dimension");
    long[] out = new long[x.length];
    for (int d = 0; d < x.length; d++) {
      if (sp[d] == 0) throw new ShapeError("step must not be 0");
      out[d] = Math.max(0, sp[d] > 0 ? Math.ceilDiv(Math.subtractExact(en[d], st[d]), sp[d])
          : Math.ceilDiv(Math.subtractExact(st[d], en[d]), Math.negateExact(sp[d])));
      // Normalized bounds: every index the slice reads lies in the input.
      long last = out[d] == 0 ? st[d] : Math.addExact(st[d], Math.multiplyExact(out[d] - 1, sp[d]));
      if (out[d] > 0 && (st[d] < 0 || st[d] >= x[d] || last < 0 || last >= x[d])) {
        throw new ShapeError("dimension " + d + " reads indices " + st[d] + " to " + last + ", outside [0, " + x[d] + ")");
      }
    }
    return List.of(like(0, out));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor x = in.get(0);
    long[] st = starts();
    long[] sp = steps();
    long[] outShape = ((RankedTensorType) result(0).type()).shape();
    long[] strides = Tensor.strides(x.shape());
    Tensor out = Tensor.zeros(x.element(), outShape);
    if (out.size() == 0) return List.of(out);
    long[] idx = new long[outShape.length];
    int f = 0;
    do {
      long src = 0;
      for (int d = 0; d < idx.length; d++) src += (st[d] + idx[d] * sp[d]) * strides[d];
      if (out.isFloat()) out.set(f++, x.get((int) src));
      else out.setLong(f++, x.getLong((int) src));
    } while (Spatial.next(idx, outShape));
    return List.of(out);
  }
}
