package dev.sol.dialect.nn;

import dev.sol.ir.IntegerAttr;
import java.util.Arrays;

/** Reductions over axes, and softmax. */
public final class Reductions {
  private Reductions() {}

  public enum Kind { SUM, MEAN, MAX, MIN, PROD }

  /** A possibly negative axis normalized to [0, rank); a rank-0 tensor has no axis. */
  public static int axis(long axis, int rank) {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) throw new ShapeError("axis " + axis + " is out of range for rank " + rank);
    return (int) a;
  }

  static boolean[] reduced(long[] shape, long[] axes) {
    boolean[] r = new boolean[shape.length];
    if (axes == null || axes.length == 0) {
      Arrays.fill(r, true);
    } else {
      for (long a : axes) {
        int d = axis(a, shape.length);
        if (r[d]) throw new ShapeError("axes name dimension " + d + " twice: " + Arrays.toString(axes));
        r[d] = true;
      }
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

  /**
   * A reduction over {@code axes}: floats accumulate in doubles, integers exactly in longs
   * (sums and products wrap to the element width, a mean is the sum divided by the count,
   * truncated toward zero).
   */
  static Tensor reduce(Tensor x, long[] axes, boolean keepDims, Kind kind) {
    long[] shape = x.shape();
    boolean[] r = reduced(shape, axes);
    long[] kept = new long[shape.length];
    for (int d = 0; d < shape.length; d++) kept[d] = r[d] ? 1 : shape[d];
    int[] target = Broadcast.indexMap(kept, shape);
    long count = 1;
    for (int d = 0; d < shape.length; d++) if (r[d]) count *= shape[d];
    Tensor out = Tensor.zeros(x.element(), reducedShape(shape, axes, keepDims));
    if (x.isFloat()) {
      double[] acc = new double[out.size()];
      Arrays.fill(acc, switch (kind) {
        case MAX -> Double.NEGATIVE_INFINITY;
        case MIN -> Double.POSITIVE_INFINITY;
        case PROD -> 1;
        case SUM, MEAN -> 0;
      });
      for (int flat = 0; flat < x.size(); flat++) {
        int o = target[flat];
        double v = x.get(flat);
        acc[o] = switch (kind) {
          case MAX -> Math.max(acc[o], v);
          case MIN -> Math.min(acc[o], v);
          case PROD -> acc[o] * v;
          case SUM, MEAN -> acc[o] + v;
        };
      }
      for (int i = 0; i < acc.length; i++) out.set(i, kind == Kind.MEAN ? acc[i] / count : acc[i]);
      return out;
    }
    boolean unsigned = x.isUnsigned();
    long[] acc = new long[out.size()];
    Arrays.fill(acc, switch (kind) {
      case MAX -> Integers.lowest(x.element());
      case MIN -> Integers.highest(x.element());
      case PROD -> 1;
      case SUM, MEAN -> 0;
    });
    for (int flat = 0; flat < x.size(); flat++) {
      int o = target[flat];
      long v = x.getLong(flat);
      acc[o] = switch (kind) {
        case MAX -> Integers.max(acc[o], v, unsigned);
        case MIN -> Integers.min(acc[o], v, unsigned);
        case PROD -> acc[o] * v;
        case SUM, MEAN -> acc[o] + v;
      };
    }
    for (int i = 0; i < acc.length; i++) {
      // The sum wraps to the element width before it is divided, as in the element type.
      long v = IntegerAttr.normalize(x.element(), acc[i]);
      out.setLong(i, kind == Kind.MEAN ? Integers.divide(v, count, unsigned) : v);
    }
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
