package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Takes one element of data per index (ONNX's GatherElements): the result has the indices'
 * shape, and its element at position p is data's at p with p[axis] replaced by the index there
 * (a negative index counts from the end). Indices hold the data's rank, with no dimension
 * longer than the data's except along the axis.
 *
 * <pre>{@code %2 = "nn.gather_elements"(%d, %i) {axis = 1 : i64} : (tensor<2x5xf32>, tensor<2x3xi64>) -> tensor<2x3xf32>}</pre>
 */
public final class GatherElementsOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.gather_elements", GatherElementsOp.class, GatherElementsOp::new)
      .operand("data", ANY).operand("indices", ANY).attribute("axis", I64).result("output", ANY);

  private GatherElementsOp(OperationState state) {
    super(state, SPEC);
  }

  /** The normalized axis in [0, rank) that the indices select along. */
  public int axis() { return Reductions.axis(longAttr("axis", 0), operandType(0).rank()); }

  @Override public List<Type> inferResultTypes() {
    long[] d = operandType(0).shape();
    long[] i = operandType(1).shape();
    int axis = axis();
    GatherOp.requireIntegerIndices(this);
    GatherOp.requireSelectableAxis(this, d[axis]);
    if (i.length != d.length) throw new ShapeError("indices must have the data's rank " + d.length + ", got rank " + i.length);
    for (int a = 0; a < d.length; a++) {
      if (a != axis && i[a] > d[a]) throw new ShapeError("indices dimension " + a + " (" + i[a] + ") is longer than the data's (" + d[a] + ")");
    }
    return List.of(like(0, i));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor data = in.get(0);
    Tensor idx = in.get(1);
    int axis = axis();
    long[] ds = data.shape();
    long[] is = idx.shape();
    Tensor out = Tensor.zeros(data.element(), is);
    long[] p = new long[is.length];
    for (int j = 0; j < idx.size(); j++) {
      long rest = j;
      for (int a = is.length - 1; a >= 0; a--) {
        p[a] = rest % is[a];
        rest /= is[a];
      }
      long at = idx.getLong(j);
      if (at < 0) at += ds[axis];
      if (at < 0 || at >= ds[axis]) throw new IllegalArgumentException("gather_elements index " + idx.getLong(j) + " is out of range");
      long src = 0;
      for (int a = 0; a < ds.length; a++) src = src * ds[a] + (a == axis ? at : p[a]);
      if (out.isFloat()) out.set(j, data.get((int) src));
      else out.setLong(j, data.getLong((int) src));
    }
    return List.of(out);
  }
}
