package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Splits along axis into pieces of the given sizes.
 *
 * <pre>{@code %1:2 = "nn.split"(%x) {axis = 1 : i64, sizes = array<i64: 1, 2>} : (tensor<2x3xf32>) -> (tensor<2x1xf32>, tensor<2x2xf32>)}</pre>
 */
public final class SplitOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.split", SplitOp.class, SplitOp::new)
      .operand("input", ANY).attribute("axis", I64).attribute("sizes", DENSE_I64_ARRAY).variadicResult("outputs", ANY);

  private SplitOp(OperationState state) {
    super(state, SPEC);
  }

  /** The normalized axis in [0, rank) the input is split along. */
  public int axis() { return Reductions.axis(longAttr("axis", 0), operandType(0).rank()); }

  /** The length of every part along the axis. */
  public long[] sizes() { return intsAttr("sizes"); }

  @Override public List<Type> inferResultTypes() {
    long[] x = operandType(0).shape();
    int axis = axis();
    long[] sizes = sizes();
    long total = 0;
    List<Type> out = new java.util.ArrayList<>();
    for (long s : sizes) {
      long[] shape = x.clone();
      shape[axis] = s;
      out.add(like(0, shape));
      total = Math.addExact(total, s);
    }
    if (total != x[axis]) throw new ShapeError("split sizes add up to " + total + ", not " + x[axis]);
    return out;
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor x = in.get(0);
    int axis = axis();
    long[] sizes = sizes();
    long outer = Tensor.count(java.util.Arrays.copyOf(x.shape(), axis));
    long len = x.shape()[axis];
    long inner = Tensor.count(java.util.Arrays.copyOfRange(x.shape(), axis + 1, x.rank()));
    List<Tensor> outs = new java.util.ArrayList<>();
    long begin = 0;
    for (long s : sizes) {
      long[] shape = x.shape().clone();
      shape[axis] = s;
      Tensor t = Tensor.zeros(x.element(), shape);
      int f = 0;
      for (long o = 0; o < outer; o++) {
        for (long q = 0; q < s * inner; q++) {
          int src = (int) ((o * len + begin) * inner + q);
          if (t.isFloat()) t.set(f++, x.get(src));
          else t.setLong(f++, x.getLong(src));
        }
      }
      outs.add(t);
      begin += s;
    }
    return outs;
  }
}
