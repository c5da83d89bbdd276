package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * The k largest (or, with largest = 0, smallest) elements along one axis and their indices
 * (i64), in order: largest first (smallest first), and among equal elements the one with the
 * smaller index first, as ONNX asks. NaN sorts as larger than every number (as PyTorch's topk
 * has it; ONNX leaves it open): first among the largest, last among the smallest. The output is always sorted, which ONNX allows when sorted = 0.
 *
 * <pre>{@code %v, %i = "nn.top_k"(%x) {k = 3 : i64, axis = 1 : i64} : (tensor<2x10xf32>) -> (tensor<2x3xf32>, tensor<2x3xi64>)}</pre>
 */
public final class TopKOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.top_k", TopKOp.class, TopKOp::new)
      .operand("input", ANY).attribute("k", I64).optionalAttribute("axis", I64).optionalAttribute("largest", I64)
      .result("values", ANY).result("indices", ANY);

  private TopKOp(OperationState state) {
    super(state, SPEC);
  }

  public long k() { return longAttr("k", 1); }

  /** The axis, normalized to [0, rank); -1 (the last) when absent. */
  public int axis() { return Reductions.axis(longAttr("axis", -1), operandType(0).rank()); }

  /** Whether the largest elements are taken (else the smallest); true when absent. */
  public boolean largest() { return longAttr("largest", 1) != 0; }

  @Override public List<Type> inferResultTypes() {
    RankedTensorType x = operandType(0);
    if (!(x.element() instanceof FloatType) && !(x.element() instanceof IntegerType)) throw new ShapeError("expects numbers, got " + x.element() + " elements");
    if (x.rank() == 0) throw new ShapeError("needs an axis: the input is a scalar");
    long[] shape = x.shape().clone();
    int axis = axis();
    if (shape[axis] == ShapedType.DYNAMIC) throw new ShapeError("needs a static length along axis " + axis);
    if (k() < 0 || k() > shape[axis]) throw new ShapeError("k = " + k() + " is not in [0, " + shape[axis] + "], the length of axis " + axis);
    shape[axis] = k();
    return List.of(new RankedTensorType(shape, x.element()), new RankedTensorType(shape, IntegerType.I64));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor x = in.get(0);
    long[] s = x.shape();
    int axis = axis();
    long len = s[axis];
    long k = k();
    int inner = (int) Tensor.count(java.util.Arrays.copyOfRange(s, axis + 1, s.length));
    long outer = x.size() / Math.max(1, len * inner);
    long[] shape = s.clone();
    shape[axis] = k;
    Tensor values = Tensor.zeros(x.element(), shape);
    long[] indices = new long[(int) (outer * k * inner)];
    for (long o = 0; o < outer; o++) {
      for (long i = 0; i < inner; i++) {
        int base = (int) (o * len * inner + i);
        Integer[] order = new Integer[(int) len];
        for (int j = 0; j < len; j++) order[j] = j;
        java.util.Arrays.sort(order, (a, b) -> before(x, base + a * inner, base + b * inner) ? -1
            : before(x, base + b * inner, base + a * inner) ? 1 : Integer.compare(a, b));
        for (int r = 0; r < k; r++) {
          int to = (int) (o * k * inner + r * inner + i);
          int from = base + order[r] * inner;
          if (x.isFloat()) values.set(to, x.get(from));
          else values.setLong(to, x.getLong(from));
          indices[to] = order[r];
        }
      }
    }
    return List.of(values, Tensor.ofLongs(IntegerType.I64, shape, indices));
  }

  /** Whether element a comes before element b (strictly): larger (smaller), NaN first. */
  private boolean before(Tensor x, int a, int b) {
    if (x.isFloat()) {
      double va = x.get(a);
      double vb = x.get(b);
      if (Double.isNaN(va) || Double.isNaN(vb)) return largest() ? Double.isNaN(va) && !Double.isNaN(vb) : !Double.isNaN(va) && Double.isNaN(vb);
      return largest() ? va > vb : va < vb;
    }
    int c = x.isUnsigned() ? Long.compareUnsigned(x.getLong(a), x.getLong(b)) : Long.compare(x.getLong(a), x.getLong(b));
    return largest() ? c > 0 : c < 0;
  }
}
