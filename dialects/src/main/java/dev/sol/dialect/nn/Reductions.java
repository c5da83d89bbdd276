package dev.sol.dialect.nn;

import java.util.Arrays;

/** Reductions over axes, and softmax. */
public final class Reductions {
  private Reductions() {}

  public enum Kind { SUM, MEAN, MAX, MIN, PROD }

  /** A possibly negative axis normalized to [0, rank). */
  public static int axis(long axis, int rank) {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= Math.max(rank, 1)) throw new ShapeError("axis " + axis + " is out of range for rank " + rank);
    return (int) a;
  }

  static boolean[] reduced(long[] shape, long[] axes) {
    boolean[] r = new boolean[shape.length];
    if (axes == null || axes.length == 0) {
      Arrays.fill(r, true);
    } else {
      for (long a : axes) r[axis(a, shape.length)] = true;
    }
    return r;
  }

  static long[] reducedShape(long[] shape, long[] axes, boolean keepDims) {
    boolean[] r = reduced(shape, axes);
    return Arrays.stream(indices(shape.length)).filter(d -> keepDims || !r[d]).mapToLong(d -> r[d] ? 1 : shape[d]).toArray();
  }

  private static int[] indices(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    return a;
  }

  static Tensor reduce(Tensor x, long[] axes, boolean keepDims, Kind kind) {
    long[] shape = x.shape();
    boolean[] r = reduced(shape, axes);
    long[] kept = new long[shape.length];
    for (int d = 0; d < shape.length; d++) kept[d] = r[d] ? 1 : shape[d];
    long[] keptStrides = Tensor.strides(kept);
    int n = (int) Tensor.count(kept);
    double[] acc = new double[n];
    double init = switch (kind) {
      case MAX -> Double.NEGATIVE_INFINITY;
      case MIN -> Double.POSITIVE_INFINITY;
      case PROD -> 1;
      default -> 0;
    };
    Arrays.fill(acc, init);
    long[] idx = new long[shape.length];
    long count = 1;
    for (int d = 0; d < shape.length; d++) if (r[d]) count *= shape[d];
    for (int flat = 0; flat < x.size(); flat++) {
      long dst = 0;
      for (int d = 0; d < shape.length; d++) if (!r[d]) dst += idx[d] * keptStrides[d];
      double v = x.get(flat);
      int o = (int) dst;
      acc[o] = switch (kind) {
        case MAX -> Math.max(acc[o], v);
        case MIN -> Math.min(acc[o], v);
        case PROD -> acc[o] * v;
        default -> acc[o] + v;
      };
      for (int d = shape.length - 1; d >= 0; d--) {
        if (++idx[d] < shape[d]) break;
        idx[d] = 0;
      }
    }
    Tensor out = Tensor.zeros(x.element(), reducedShape(shape, axes, keepDims));
    for (int i = 0; i < n; i++) out.set(i, kind == Kind.MEAN ? acc[i] / count : acc[i]);
    return out;
  }

  static Tensor softmax(Tensor x, int axis, boolean log) {
    long[] shape = x.shape();
    long outer = 1;
    for (int d = 0; d < axis; d++) outer *= shape[d];
    long len = shape.length == 0 ? 1 : shape[axis];
    long inner = 1;
    for (int d = axis + 1; d < shape.length; d++) inner *= shape[d];
    Tensor out = Tensor.zeros(x.element(), shape);
    for (long o = 0; o < outer; o++) {
      for (long i = 0; i < inner; i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (long k = 0; k < len; k++) max = Math.max(max, x.get((int) ((o * len + k) * inner + i)));
        double sum = 0;
        for (long k = 0; k < len; k++) sum += Math.exp(x.get((int) ((o * len + k) * inner + i)) - max);
        for (long k = 0; k < len; k++) {
          int at = (int) ((o * len + k) * inner + i);
          double v = x.get(at) - max;
          out.set(at, log ? v - Math.log(sum) : Math.exp(v) / sum);
        }
      }
    }
    return out;
  }
}
