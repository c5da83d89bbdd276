package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes slices of updates into a copy of data at the places that index tuples name (ONNX's
 * ScatterND). The indices' last dimension k (1 to data's rank) is the tuples' length: each tuple
 * (i0, ..., ik-1) names the slice data[i0, ..., ik-1, ...] of data's trailing shape, and updates
 * have the indices' leading shape followed by that trailing shape. A negative entry counts from
 * the end of its axis. Attribute reduction: none (the update replaces the slice; where tuples name
 * the same slice, the last one's stays), add, mul, max or min (each update is combined with what
 * the slice holds, tuple after tuple).
 *
 * <pre>{@code %r = "nn.scatter_nd"(%d, %i, %u) {reduction = "none"} : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>}</pre>
 */
public final class ScatterNdOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.scatter_nd", ScatterNdOp.class, ScatterNdOp::new)
      .operand("data", ANY).operand("indices", ANY).operand("updates", ANY).result("output", ANY);

  private ScatterNdOp(OperationState state) {
    super(state, SPEC);
  }

  /** How an update meets the slice it names. */
  public enum Reduction { NONE, ADD, MUL, MAX, MIN }

  /** Attribute reduction (default none); the verifier rejects an unknown one. */
  public Reduction reduction() {
    String r = stringAttr("reduction", "none");
    for (Reduction q : Reduction.values()) if (q.name().toLowerCase(Locale.ROOT).equals(r)) return q;
    throw new ShapeError("reduction must be one of none, add, mul, max, min, got '" + r + "'");
  }

  /** The length of the index tuples: the indices' last dimension. */
  public int tupleLength() { return (int) operandType(1).shape()[operandType(1).rank() - 1]; }

  @Override public List<Type> inferResultTypes() {
    reduction();
    long[] d = operandType(0).shape();
    long[] i = operandType(1).shape();
    long[] u = operandType(2).shape();
    if (!(operandType(1).element() instanceof IntegerType it) || it.width() != 64) throw new ShapeError("indices must be i64, got " + operandType(1).element());
    if (i.length < 1) throw new ShapeError("indices must have rank 1 or more");
    long k = i[i.length - 1];
    if (k < 1 || k > d.length) throw new ShapeError("index tuples of " + k + " entries for data of rank " + d.length);
    if (!operandType(2).element().equals(operandType(0).element())) {
      throw new ShapeError("updates must hold the data's element type " + operandType(0).element() + ", got " + operandType(2).element());
    }
    for (int j = 0; j < k; j++) GatherOp.requireSelectableAxis(this, d[j]);
    long[] expected = new long[i.length - 1 + d.length - (int) k];
    System.arraycopy(i, 0, expected, 0, i.length - 1);
    System.arraycopy(d, (int) k, expected, i.length - 1, d.length - (int) k);
    if (!Arrays.equals(u, expected)) {
      throw new ShapeError("updates must have shape " + Arrays.toString(expected) + " (the indices' leading shape and data's trailing shape), got " + Arrays.toString(u));
    }
    return List.of(like(0, d));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    Tensor data = in.get(0);
    Tensor idx = in.get(1);
    Tensor upd = in.get(2);
    Reduction r = reduction();
    int k = tupleLength();
    long[] ds = data.shape();
    long slice = Tensor.count(Arrays.copyOfRange(ds, k, ds.length));
    long[] strides = Tensor.strides(ds);
    Tensor out = Tensor.zeros(data.element(), ds);
    for (int e = 0; e < data.size(); e++) {
      if (out.isFloat()) out.set(e, data.get(e));
      else out.setLong(e, data.getLong(e));
    }
    int tuples = idx.size() / k;
    for (int t = 0; t < tuples; t++) {
      long at = 0;
      for (int j = 0; j < k; j++) {
        long v = idx.getLong(t * k + j);
        long p = v < 0 ? v + ds[j] : v;
        if (p < 0 || p >= ds[j]) throw new IllegalArgumentException("scatter_nd index " + v + " is out of range for an axis of " + ds[j]);
        at += p * strides[j];
      }
      for (long s = 0; s < slice; s++) {
        int o = (int) (at + s);
        int u = (int) (t * slice + s);
        if (out.isFloat()) out.set(o, combine(r, out.get(o), upd.get(u)));
        else out.setLong(o, combine(r, out.getLong(o), upd.getLong(u), out.isUnsigned()));
      }
    }
    return List.of(out);
  }

  private static double combine(Reduction r, double old, double update) {
    return switch (r) {
      case NONE -> update;
      case ADD -> old + update;
      case MUL -> old * update;
      case MAX -> Double.isNaN(old) || Double.isNaN(update) ? Double.NaN : Math.max(old, update);
      case MIN -> Double.isNaN(old) || Double.isNaN(update) ? Double.NaN : Math.min(old, update);
    };
  }

  private static long combine(Reduction r, long old, long update, boolean unsigned) {
    return switch (r) {
      case NONE -> update;
      case ADD -> old + update;
      case MUL -> old * update;
      case MAX -> (unsigned ? Long.compareUnsigned(old, update) : Long.compare(old, update)) >= 0 ? old : update;
      case MIN -> (unsigned ? Long.compareUnsigned(old, update) : Long.compare(old, update)) <= 0 ? old : update;
    };
  }
}
