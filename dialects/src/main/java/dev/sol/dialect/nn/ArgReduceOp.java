package dev.sol.dialect.nn;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * The index (i64) of the largest or smallest element along one axis, which stays as size 1
 * unless keepdims = 0; among equal ones the first, or the last with select_last_index = 1.
 * NaN is larger and smaller than any number here (it is never passed over once found), as
 * ONNX Runtime's kernels have it.
 */
public abstract class ArgReduceOp extends NnOp implements Pure {
  protected ArgReduceOp(OperationState state, OpSpec spec) {
    super(state, spec);
  }

  /** Whether the op looks for the largest element (else the smallest). */
  public abstract boolean max();

  /** The axis, normalized to [0, rank). */
  public final int axis() { return Reductions.axis(longAttr("axis", 0), operandType(0).rank()); }

  /** Whether the reduced axis stays as a dimension of size 1; true when absent. */
  public final boolean keepDims() { return longAttr("keepdims", 1) != 0; }

  /** Whether the last of equal extreme elements is taken (else the first). */
  public final boolean lastIndex() { return longAttr("select_last_index", 0) != 0; }

  @Override public final List<Type> inferResultTypes() {
    if (!(operandType(0).element() instanceof FloatType) && !(operandType(0).element() instanceof IntegerType)) {
      throw new ShapeError("expects numbers, got " + operandType(0).element() + " elements");
    }
    if (operandType(0).rank() == 0) throw new ShapeError("needs an axis: the input is a scalar");
    long[] s = operandType(0).shape();
    // An empty axis leaves no position to select for the results (when there are any).
    if (s[axis()] == 0 && Tensor.count(Reductions.reducedShape(s, new long[] {axis()}, true)) > 0) {
      throw new ShapeError("has no position to select along axis " + axis() + " of length 0");
    }
    return List.of(new RankedTensorType(Reductions.reducedShape(operandType(0).shape(), new long[] {axis()}, keepDims()), IntegerType.I64));
  }

  @Override public final List<Tensor> evaluate(List<Tensor> in) {
    Tensor x = in.get(0);
    long[] s = x.shape();
    int axis = axis();
    long len = s[axis];
    long inner = 1;
    for (int d = axis + 1; d < s.length; d++) inner *= s[d];
    long outer = x.size() / Math.max(1, len * inner);
    boolean floats = x.element() instanceof FloatType;
    long[] result = new long[(int) (outer * inner)];
    for (long o = 0; o < outer; o++) {
      for (long i = 0; i < inner; i++) {
        int base = (int) (o * len * inner + i);
        long best = 0;
        for (long j = 1; j < len; j++) {
          int at = (int) (base + j * inner);
          int bestAt = (int) (base + best * inner);
          if (floats ? better(x.get(at), x.get(bestAt)) : better(x, at, bestAt)) best = j;
        }
        result[(int) (o * inner + i)] = best;
      }
    }
    return List.of(Tensor.ofLongs(IntegerType.I64, ((RankedTensorType) result(0).type()).shape(), result));
  }

  /** Whether float v replaces the best so far b: NaN stays once found. */
  private boolean better(double v, double b) {
    if (Double.isNaN(b)) return false;
    if (Double.isNaN(v)) return true;
    return max() ? v > b || lastIndex() && v == b : v < b || lastIndex() && v == b;
  }

  private boolean better(Tensor x, int at, int bestAt) {
    int c = x.isUnsigned() ? Long.compareUnsigned(x.getLong(at), x.getLong(bestAt)) : Long.compare(x.getLong(at), x.getLong(bestAt));
    return max() ? c > 0 || lastIndex() && c == 0 : c < 0 || lastIndex() && c == 0;
  }
}
