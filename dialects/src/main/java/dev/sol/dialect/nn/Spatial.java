package dev.sol.dialect.nn;

import dev.sol.ir.IntegerAttr;

/**
 * N-d convolution and pooling on NC(spatial...) tensors, written as direct loops over
 * output positions and window offsets.
 */
final class Spatial {
  private Spatial() {}

  /** Attribute value per spatial dim, or {@code fallback} when absent. */
  static long[] perDim(long[] given, int dims, long fallback) {
    if (given != null) {
      if (given.length != dims) throw new ShapeError("expected " + dims + " values per spatial dimension, got " + given.length);
      return given;
    }
    long[] a = new long[dims];
    java.util.Arrays.fill(a, fallback);
    return a;
  }

  static long[] pads(long[] given, int dims) {
    if (given == null) return new long[2 * dims];
    if (given.length != 2 * dims) throw new ShapeError("expected " + 2 * dims + " pads, got " + given.length);
    return given;
  }

  /**
   * Checks a window's attributes before any arithmetic uses them: a stride or dilation below 1
   * would divide by zero or walk backwards, a negative pad reads before the input.
   */
  static void checkWindow(long[] strides, long[] pads, long[] dilations) {
    atLeast("strides", strides, 1);
    atLeast("pads", pads, 0);
    atLeast("dilations", dilations, 1);
  }

  static void atLeast(String name, long[] values, long min) {
    for (long v : values) {
      if (v < min) throw new ShapeError(name + " must be at least " + min + ", got " + java.util.Arrays.toString(values));
    }
  }

  /**
   * The input's spatial dimensions are not empty: windows over an empty one would meet only
   * padding, and the loops that read the input at a clamped position would have none to read.
   */
  static void spatialNotEmpty(long[] input) {
    for (int i = 2; i < input.length; i++) {
      if (input[i] == 0) throw new ShapeError("spatial dimension " + i + " of the input is empty");
    }
  }

  /** A weight's window (its dimensions after the first two) has at least one tap per dimension. */
  static void kernelAtLeastOne(long[] weight) {
    for (int i = 2; i < weight.length; i++) {
      if (weight[i] < 1) throw new ShapeError("the weight's kernel dimensions must be at least 1, got " + java.util.Arrays.toString(weight));
    }
  }

  /** Output size of a sliding window: floor (or ceil) of (in + pads - dilated kernel) / stride + 1. */
  static long outSize(long in, long k, long s, long d, long padBegin, long padEnd, boolean ceil) {
    long span = Math.addExact(Math.multiplyExact(k - 1, d), 1);
    long num = Math.subtractExact(Math.addExact(Math.addExact(in, padBegin), padEnd), span);
    if (num < 0) throw new ShapeError("window of " + span + " is larger than the padded input " + (in + padBegin + padEnd));
    long out = (ceil ? Math.ceilDiv(num, s) : Math.floorDiv(num, s)) + 1;
    if (ceil && (out - 1) * s >= in + padBegin) out--;
    return out;
  }

  /** Iterates the multi-index {@code idx} over {@code bounds}; returns false after the last. */
  static boolean next(long[] idx, long[] bounds) {
    for (int d = idx.length - 1; d >= 0; d--) {
      if (++idx[d] < bounds[d]) return true;
      idx[d] = 0;
    }
    return false;
  }

  static long flat(long[] idx, long[] shape, int from) {
    long f = 0;
    for (int d = from; d < shape.length; d++) f = f * shape[d] + idx[d - from];
    return f;
  }

  static Tensor conv(Tensor x, Tensor w, Tensor b, long[] strides, long[] pads, long[] dilations, long group, long[] outShape) {
    if (x.rank() == 4 && x.isFloat()) return conv2d(x, w, b, strides, pads, dilations, group, outShape);
    int dims = x.rank() - 2;
    long n = x.shape()[0];
    long cIn = x.shape()[1];
    long cOut = w.shape()[0];
    long cPerGroup = cIn / group;
    long oPerGroup = cOut / group;
    long[] kernel = java.util.Arrays.copyOfRange(w.shape(), 2, w.rank());
    long[] inSpatial = java.util.Arrays.copyOfRange(x.shape(), 2, x.rank());
    long[] outSpatial = java.util.Arrays.copyOfRange(outShape, 2, outShape.length);
    long inPlane = Tensor.count(inSpatial);
    long kPlane = Tensor.count(kernel);
    long outPlane = Tensor.count(outSpatial);
    Tensor out = Tensor.zeros(x.element(), outShape);
    long[] o = new long[dims];
    long[] k = new long[dims];
    long[] pos = new long[dims];
    for (long bn = 0; bn < n; bn++) {
      for (long oc = 0; oc < cOut; oc++) {
        long g = oc / oPerGroup;
        java.util.Arrays.fill(o, 0);
        do {
          double sum = b == null ? 0 : b.get((int) oc);
          for (long ic = 0; ic < cPerGroup; ic++) {
            long c = g * cPerGroup + ic;
            java.util.Arrays.fill(k, 0);
            do {
              boolean inside = true;
              for (int d = 0; d < dims; d++) {
                pos[d] = o[d] * strides[d] - pads[d] + k[d] * dilations[d];
                if (pos[d] < 0 || pos[d] >= inSpatial[d]) inside = false;
              }
              if (!inside) continue;
              double xv = x.get((int) ((bn * cIn + c) * inPlane + flat(pos, inSpatial, 0)));
              double wv = w.get((int) ((oc * cPerGroup + ic) * kPlane + flat(k, kernel, 0)));
              sum += xv * wv;
            } while (next(k, kernel));
          }
          out.set((int) ((bn * cOut + oc) * outPlane + flat(o, outSpatial, 0)), sum);
        } while (next(o, outSpatial));
      }
    }
    return out;
  }

  /**
   * The 2-D case with flat arrays: accumulates each output row over input channels and
   * kernel taps, which keeps the interpreter usable on ImageNet-sized networks. Sums are
   * accumulated in double, then rounded to the element type once.
   */
  private static Tensor conv2d(Tensor x, Tensor w, Tensor b, long[] strides, long[] pads, long[] dilations, long group, long[] outShape) {
    int n = (int) x.shape()[0];
    int cIn = (int) x.shape()[1];
    int ih = (int) x.shape()[2];
    int iw = (int) x.shape()[3];
    int cOut = (int) w.shape()[0];
    int kh = (int) w.shape()[2];
    int kw = (int) w.shape()[3];
    int oh = (int) outShape[2];
    int ow = (int) outShape[3];
    int sh = (int) strides[0];
    int sw = (int) strides[1];
    int ph = (int) pads[0];
    int pw = (int) pads[1];
    int dh = (int) dilations[0];
    int dw = (int) dilations[1];
    int cPerGroup = cIn / (int) group;
    int oPerGroup = cOut / (int) group;
    double[] xd = x.floatData();
    double[] wd = w.floatData();
    double[] acc = new double[ow];
    Tensor out = Tensor.zeros(x.element(), outShape);
    for (int bn = 0; bn < n; bn++) {
      for (int oc = 0; oc < cOut; oc++) {
        int g = oc / oPerGroup;
        double bias = b == null ? 0 : b.get(oc);
        for (int oy = 0; oy < oh; oy++) {
          java.util.Arrays.fill(acc, bias);
          for (int ic = 0; ic < cPerGroup; ic++) {
            int xBase = (bn * cIn + g * cPerGroup + ic) * ih * iw;
            int wBase = (oc * cPerGroup + ic) * kh * kw;
            for (int ky = 0; ky < kh; ky++) {
              int iy = oy * sh - ph + ky * dh;
              if (iy < 0 || iy >= ih) continue;
              int row = xBase + iy * iw;
              for (int kx = 0; kx < kw; kx++) {
                double wv = wd[wBase + ky * kw + kx];
                int x0 = -pw + kx * dw;
                for (int ox = 0; ox < ow; ox++) {
                  int ix = ox * sw + x0;
                  if (ix >= 0 && ix < iw) acc[ox] += xd[row + ix] * wv;
                }
              }
            }
          }
          int oBase = ((bn * cOut + oc) * oh + oy) * ow;
          for (int ox = 0; ox < ow; ox++) out.set(oBase + ox, acc[ox]);
        }
      }
    }
    return out;
  }

  static Tensor convTranspose(Tensor x, Tensor w, Tensor b, long[] strides, long[] pads, long[] dilations, long group, long[] outShape) {
    int dims = x.rank() - 2;
    long n = x.shape()[0];
    long cIn = x.shape()[1];
    long oPerGroup = w.shape()[1];
    long cOut = oPerGroup * group;
    long cPerGroup = cIn / group;
    long[] kernel = java.util.Arrays.copyOfRange(w.shape(), 2, w.rank());
    long[] inSpatial = java.util.Arrays.copyOfRange(x.shape(), 2, x.rank());
    long[] outSpatial = java.util.Arrays.copyOfRange(outShape, 2, outShape.length);
    long inPlane = Tensor.count(inSpatial);
    long kPlane = Tensor.count(kernel);
    long outPlane = Tensor.count(outSpatial);
    double[] acc = new double[(int) Tensor.count(outShape)];
    long[] i = new long[dims];
    long[] k = new long[dims];
    long[] pos = new long[dims];
    // An empty input contributes nothing (the output may still have positions, holding the bias).
    for (long bn = 0; bn < n && inPlane > 0; bn++) {
      for (long c = 0; c < cIn; c++) {
        long g = c / cPerGroup;
        java.util.Arrays.fill(i, 0);
        do {
          double xv = x.get((int) ((bn * cIn + c) * inPlane + flat(i, inSpatial, 0)));
          for (long oc = 0; oc < oPerGroup; oc++) {
            java.util.Arrays.fill(k, 0);
            do {
              boolean inside = true;
              for (int d = 0; d < dims; d++) {
                pos[d] = i[d] * strides[d] - pads[d] + k[d] * dilations[d];
                if (pos[d] < 0 || pos[d] >= outSpatial[d]) inside = false;
              }
              if (!inside) continue;
              double wv = w.get((int) ((c * oPerGroup + oc) * kPlane + flat(k, kernel, 0)));
              acc[(int) ((bn * cOut + g * oPerGroup + oc) * outPlane + flat(pos, outSpatial, 0))] += xv * wv;
            } while (next(k, kernel));
          }
        } while (next(i, inSpatial));
      }
    }
    Tensor out = Tensor.zeros(x.element(), outShape);
    for (int f = 0; f < acc.length; f++) out.set(f, acc[f] + (b == null ? 0 : b.get((int) ((f / outPlane) % cOut))));
    return out;
  }

  /**
   * Max or average pooling; {@code countIncludePad} counts padded cells in averages. Integers
   * are pooled exactly in longs (averages truncate toward zero).
   */
  static Tensor pool(Tensor x, long[] kernel, long[] strides, long[] pads, long[] dilations, boolean max, boolean countIncludePad,
      long[] outShape) {
    int dims = x.rank() - 2;
    long nc = x.shape()[0] * x.shape()[1];
    long[] inSpatial = java.util.Arrays.copyOfRange(x.shape(), 2, x.rank());
    long[] outSpatial = java.util.Arrays.copyOfRange(outShape, 2, outShape.length);
    long inPlane = Tensor.count(inSpatial);
    long outPlane = Tensor.count(outSpatial);
    Tensor out = Tensor.zeros(x.element(), outShape);
    boolean floats = x.isFloat();
    boolean unsigned = x.isUnsigned();
    long[] o = new long[dims];
    long[] k = new long[dims];
    long[] pos = new long[dims];
    for (long p = 0; p < nc; p++) {
      java.util.Arrays.fill(o, 0);
      do {
        double acc = max ? Double.NEGATIVE_INFINITY : 0;
        long exact = max && !floats ? Integers.lowest(x.element()) : 0;
        long count = 0;
        java.util.Arrays.fill(k, 0);
        do {
          boolean inside = true;
          boolean inPadded = true;
          for (int d = 0; d < dims; d++) {
            pos[d] = o[d] * strides[d] - pads[d] + k[d] * dilations[d];
            if (pos[d] < 0 || pos[d] >= inSpatial[d]) inside = false;
            if (pos[d] < -pads[d] || pos[d] >= inSpatial[d] + pads[d + dims]) inPadded = false;
          }
          if (inside) {
            int at = (int) (p * inPlane + flat(pos, inSpatial, 0));
            if (floats) {
              double v = x.get(at);
              acc = max ? Math.max(acc, v) : acc + v;
            } else {
              long v = x.getLong(at);
              exact = max ? Integers.max(exact, v, unsigned) : exact + v;
            }
            count++;
          } else if (countIncludePad && inPadded) {
            count++;
          }
        } while (next(k, kernel));
        int dst = (int) (p * outPlane + flat(o, outSpatial, 0));
        if (floats) out.set(dst, max ? acc : acc / count);
        else out.setLong(dst, max ? exact : Integers.divide(IntegerAttr.normalize(x.element(), exact), count, unsigned));
      } while (next(o, outSpatial));
    }
    return out;
  }
}
