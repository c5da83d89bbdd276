package dev.sol.dialect.nn;

/**
 * ONNX Resize as separable 1-D interpolation, innermost axis first (the order of the ONNX
 * reference implementation), with its coordinate transformations and rounding modes.
 */
public final class Resize {
  private Resize() {}

  /**
   * How each axis interpolates: {@code mode} nearest, linear or cubic; the coordinate
   * transformation; nearest's rounding; cubic's a; whether taps outside the input are dropped
   * and the rest renormalized; whether linear and cubic stretch their filter by 1 / scale when
   * downsampling (antialias); and tf_crop_and_resize's value outside the input.
   */
  public record Filter(String mode, String transform, String nearestMode, double cubicA, boolean excludeOutside, boolean antialias,
      double extrapolation) {}

  static Tensor resize(Tensor x, long[] sizes, double[] scales, double[] roi, Filter f) {
    Tensor cur = x;
    for (int axis = x.rank() - 1; axis >= 0; axis--) {
      if (cur.shape()[axis] == sizes[axis] && scales[axis] == 1.0 && !f.transform().equals("tf_crop_and_resize")) continue;
      double start = roi == null ? 0 : roi[axis];
      double end = roi == null ? 1 : roi[axis + x.rank()];
      cur = alongAxis(cur, axis, table(cur.shape()[axis], sizes[axis], scales[axis], start, end, f));
    }
    return cur;
  }

  /**
   * The input coordinate of output position {@code o}. As in the ONNX reference, the output
   * length in these formulas is {@code scale * inLen} unrounded ({@code outLen} is the
   * rounded size), which matters when downsampling by scales.
   */
  private static double original(double o, long inLen, long outLen, double scale, double start, double end, String transform) {
    double outF = scale * inLen;
    return switch (transform) {
      case "asymmetric" -> o / scale;
      case "align_corners" -> outF == 1 ? 0 : o * (inLen - 1) / (outF - 1);
      case "pytorch_half_pixel" -> outF > 1 ? (o + 0.5) / scale - 0.5 : 0;
      case "half_pixel_symmetric" -> {
        double adjustment = outLen / outF;
        double center = inLen / 2.0;
        double offset = center * (1 - adjustment);
        yield offset + (o + 0.5) / scale - 0.5;
      }
      case "tf_crop_and_resize" -> outF > 1 ? start * (inLen - 1) + o * (end - start) * (inLen - 1) / (outF - 1)
          : 0.5 * (start + end) * (inLen - 1);
      default -> (o + 0.5) / scale - 0.5;
    };
  }

  private static long nearest(double x, String mode) {
    return switch (mode) {
      case "floor" -> (long) Math.floor(x);
      case "ceil" -> (long) Math.ceil(x);
      case "round_prefer_ceil" -> (long) Math.floor(x + 0.5);
      default -> x == Math.floor(x) + 0.5 ? (long) Math.floor(x) : Math.round(x);
    };
  }

  private static double[] cubicCoefficients(double r, double a) {
    double x0 = r + 1;
    double x1 = r;
    double x2 = 1 - r;
    double x3 = 2 - r;
    return new double[] {
        ((a * x0 - 5 * a) * x0 + 8 * a) * x0 - 4 * a,
        ((a + 2) * x1 - (a + 3)) * x1 * x1 + 1,
        ((a + 2) * x2 - (a + 3)) * x2 * x2 + 1,
        ((a * x3 - 5 * a) * x3 + 8 * a) * x3 - 4 * a};
  }

  /** Keys' cubic kernel with parameter a at distance x. */
  private static double cubicKernel(double x, double a) {
    x = Math.abs(x);
    if (x <= 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
    if (x < 2) return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
    return 0;
  }

  /**
   * Linear or cubic interpolation at {@code pos} with the filter stretched by 1 / scale when
   * downsampling (antialias), as ONNX's reference computes it: the taps run from {@code base +
   * start} on, where base is the input position left of pos (one further left when pos is whole,
   * where its own tap then gets the weight of distance 0), start = floor(-support / s) + 1 for
   * the filter's support (1 linear, 2 cubic) and s = min(scale, 1); each tap's weight is the
   * filter at s times its distance from pos, the weights normalized to sum 1.
   */
  private static double[] stretchedWeights(double pos, double scale, boolean cubic, double cubicA, long[] firstTap) {
    double s = Math.min(scale, 1);
    long start = (long) Math.floor((cubic ? -2 : -1) / s) + 1;
    long base = pos == Math.floor(pos) ? (long) pos - 1 : (long) Math.floor(pos);
    double ratio = pos - base;
    double[] w = new double[Math.toIntExact(2 - 2 * start)];
    double sum = 0;
    for (int j = 0; j < w.length; j++) {
      double arg = s * (start + j - ratio);
      w[j] = cubic ? cubicKernel(arg, cubicA) : Math.max(0, 1 - Math.abs(arg));
      sum += w[j];
    }
    for (int j = 0; j < w.length; j++) w[j] /= sum;
    firstTap[0] = base + start;
    return w;
  }

  /**
   * How one axis is resampled: output position o reads input positions {@code index[o][t]}
   * with weights {@code weight[o][t]}, plus {@code offset[o]} (the extrapolation value where
   * tf_crop_and_resize falls outside the input, where all weights are zero).
   */
  public record AxisTable(long[][] index, double[][] weight, double[] offset) {}

  /** The resampling table of every axis that changes, innermost axis first; null entries for axes left alone. */
  public static AxisTable[] tables(ResizeOp op, long[] inShape) {
    long[] sizes = op.sizes();
    double[] scales = op.scales();
    double[] roi = op.roi();
    Filter f = op.filter();
    AxisTable[] out = new AxisTable[inShape.length];
    for (int axis = inShape.length - 1; axis >= 0; axis--) {
      if (inShape[axis] == sizes[axis] && scales[axis] == 1.0 && !f.transform().equals("tf_crop_and_resize")) continue;
      double start = roi == null ? 0 : roi[axis];
      double end = roi == null ? 1 : roi[axis + inShape.length];
      out[axis] = table(inShape[axis], sizes[axis], scales[axis], start, end, f);
    }
    return out;
  }

  static AxisTable table(long inLen, long outLen, double scale, double start, double end, Filter f) {
    String mode = f.mode();
    String transform = f.transform();
    boolean excludeOutside = f.excludeOutside();
    long[][] index = new long[(int) outLen][];
    double[][] weight = new double[(int) outLen][];
    double[] offset = new double[(int) outLen];
    for (int o = 0; o < outLen; o++) {
      double pos = original(o, inLen, outLen, scale, start, end, transform);
      boolean outside = transform.equals("tf_crop_and_resize") && (pos < 0 || pos > inLen - 1);
      long[] idx;
      double[] w;
      if (f.antialias() && !mode.equals("nearest")) {
        long[] first = new long[1];
        w = stretchedWeights(pos, scale, mode.equals("cubic"), f.cubicA(), first);
        idx = window(first[0], w, inLen, excludeOutside);
      } else switch (mode) {
        case "nearest" -> {
          idx = new long[] {clamp(nearest(pos, f.nearestMode()), inLen)};
          w = new double[] {1};
        }
        case "linear" -> {
          long i0 = (long) Math.floor(pos);
          double r = pos - i0;
          idx = new long[] {clamp(i0, inLen), clamp(i0 + 1, inLen)};
          w = new double[] {1 - r, r};
        }
        case "cubic" -> {
          long i0 = (long) Math.floor(pos);
          w = cubicCoefficients(pos - i0, f.cubicA());
          idx = window(i0 - 1, w, inLen, excludeOutside);
        }
        default -> throw new IllegalArgumentException("unknown resize mode '" + mode + "'");
      }
      if (outside) {
        java.util.Arrays.fill(w, 0);
        offset[o] = f.extrapolation();
      }
      index[o] = idx;
      weight[o] = w;
    }
    return new AxisTable(index, weight, offset);
  }

  /**
   * The input positions of taps from {@code first} on, clamped into the input (edge padding);
   * with {@code excludeOutside} the weights {@code w} of taps outside it become 0 and the rest
   * are renormalized.
   */
  private static long[] window(long first, double[] w, long inLen, boolean excludeOutside) {
    long[] idx = new long[w.length];
    double sum = 0;
    for (int t = 0; t < w.length; t++) {
      long raw = first + t;
      if (excludeOutside && (raw < 0 || raw >= inLen)) w[t] = 0;
      sum += w[t];
      idx[t] = clamp(raw, inLen);
    }
    if (excludeOutside && sum != 0) for (int t = 0; t < w.length; t++) w[t] /= sum;
    return idx;
  }

  private static Tensor alongAxis(Tensor x, int axis, AxisTable table) {
    long[] shape = x.shape();
    long inLen = shape[axis];
    long outLen = table.index().length;
    long outer = Tensor.count(java.util.Arrays.copyOf(shape, axis));
    long inner = Tensor.count(java.util.Arrays.copyOfRange(shape, axis + 1, shape.length));
    long[] outShape = shape.clone();
    outShape[axis] = outLen;
    Tensor out = Tensor.zeros(x.element(), outShape);
    for (int o = 0; o < outLen; o++) {
      long[] idx = table.index()[o];
      double[] w = table.weight()[o];
      for (long a = 0; a < outer; a++) {
        for (long b = 0; b < inner; b++) {
          if (!x.isFloat() && idx.length == 1 && w[0] == 1 && table.offset()[o] == 0) {
            // Nearest on integers copies exactly; interpolating modes go through doubles.
            out.setLong((int) ((a * outLen + o) * inner + b), x.getLong((int) ((a * inLen + idx[0]) * inner + b)));
            continue;
          }
          double v = table.offset()[o];
          for (int t = 0; t < idx.length; t++) v += w[t] * x.get((int) ((a * inLen + idx[t]) * inner + b));
          out.set((int) ((a * outLen + o) * inner + b), v);
        }
      }
    }
    return out;
  }

  private static long clamp(long i, long len) { return Math.max(0, Math.min(len - 1, i)); }
}
