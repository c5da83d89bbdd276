package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Takes entries of data along axis at the given indices (negative indices count from the end).
 *
 * <pre>{@code %2 = "nn.gather"(%d, %i) {axis = 0 : i64} : (tensor<5x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>}</pre>
 */
public final class GatherOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.gather", GatherOp.class, GatherOp::new)
      .operand("data", ANY).operand("indices", ANY).attribute("axis", I64).result("output", ANY);

  private GatherOp(OperationState state) {
    super(state, SPEC);
  }

  /** The normalized axis of the data in [0, rank) that the indices select along. */
  public int axis() { return Reductions.axis(longAttr("axis", 0), operandType(0).rank()); }

  @Override public List<Type> inferResultTypes() {
    long[] d = operandType(0).shape();
    long[] i = operandType(1).shape();
    int axis = axis();
    requireIntegerIndices(this);
    requireSelectableAxis(this, d[axis]);
    checkConstantIndices(d[axis]);
    long[] out = new long[d.length - 1 + i.length];
    int k = 0;
    for (int a = 0; a < axis; a++) out[k++] = d[a];
    for (long v : i) out[k++] = v;
    for (int a = axis + 1; a < d.length; a++) out[k++] = d[a];
    return List.of(like(0, out));
  }

  /** Checks that operand #1 of {@code op}, its indices, holds integers of 8 bits or more. */
  static void requireIntegerIndices(NnOp op) {
    Type e = op.operandType(1).element();
    if (!(e instanceof IntegerType it) || it.width() < 8) throw new ShapeError("indices must be integers, got " + e + " elements");
  }

  /** Checks that indices of {@code op}, when it has any, select along an axis of at least one element: no index is inside an empty one. */
  static void requireSelectableAxis(NnOp op, long length) {
    if (length == 0 && op.operandType(1).numElements() > 0) throw new ShapeError("indices select along an axis of length 0, where no index is in range");
  }

  /**
   * Indices known when compiling must lie in [-len, len): the interpreter refuses others, and
   * compiled code would read outside the data.
   */
  private void checkConstantIndices(long len) {
    if (!(operand(1).definingOp() instanceof ConstantOp c) || !(c.attribute("value") instanceof DenseElementsAttr d)) return;
    if (d.isSplat()) {
      checkIndex(d.getLong(0), len);
      return;
    }
    long n = ((ShapedType) d.type()).numElements();
    for (int j = 0; j < n; j++) checkIndex(d.getLong(j), len);
  }

  private static void checkIndex(long at, long len) {
    if (at < -len || at >= len) throw new ShapeError("index " + at + " is out of range for an axis of length " + len);
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor data = in.get(0);
    Tensor idx = in.get(1);
    int axis = axis();
    long outer = Tensor.count(java.util.Arrays.copyOf(data.shape(), axis));
    long len = data.shape()[axis];
    long inner = Tensor.count(java.util.Arrays.copyOfRange(data.shape(), axis + 1, data.rank()));
    Tensor out = Tensor.zeros(data.element(), ((RankedTensorType) result(0).type()).shape());
    int f = 0;
    for (long o = 0; o < outer; o++) {
      for (int j = 0; j < idx.size(); j++) {
        long at = idx.getLong(j);
        if (at < 0) at += len;
        if (at < 0 || at >= len) throw new IllegalArgumentException("gather index " + idx.getLong(j) + " is out of range");
        for (long q = 0; q < inner; q++) {
          int src = (int) ((o * len + at) * inner + q);
          if (out.isFloat()) out.set(f++, data.get(src));
          else out.setLong(f++, data.getLong(src));
        }
      }
    }
    return List.of(out);
  }
}
