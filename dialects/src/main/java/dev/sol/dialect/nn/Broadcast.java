package dev.sol.dialect.nn;

import java.util.Arrays;

/** Numpy-style broadcasting of shapes and the index mapping it implies. */
public final class Broadcast {
  private Broadcast() {}

  /** The broadcast shape of {@code a} and {@code b}; throws when incompatible. */
  public static long[] shape(long[] a, long[] b) {
    int r = Math.max(a.length, b.length);
    long[] out = new long[r];
    for (int i = 0; i < r; i++) {
      long x = i < r - a.length ? 1 : a[i - (r - a.length)];
      long y = i < r - b.length ? 1 : b[i - (r - b.length)];
      if (x != y && x != 1 && y != 1) {
        throw new ShapeError("operands are not broadcast-compatible: " + Arrays.toString(a) + " vs " + Arrays.toString(b));
      }
      out[i] = x == 1 ? y : x;
    }
    return out;
  }

  /** Whether {@code from} broadcasts to exactly {@code to} (ONNX's unidirectional broadcasting). */
  public static boolean broadcastsTo(long[] from, long[] to) {
    if (from.length > to.length) return false;
    int offset = to.length - from.length;
    for (int i = 0; i < from.length; i++) {
      if (from[i] != 1 && from[i] != to[i + offset]) return false;
    }
    return true;
  }

  /** For each flat index of {@code out}, the flat index of {@code in} it reads (broadcast). */
  public static int[] indexMap(long[] in, long[] out) {
    int n = (int) Tensor.count(out);
    int[] map = new int[n];
    long[] inStrides = Tensor.strides(in);
    int offset = out.length - in.length;
    long[] idx = new long[out.length];
    for (int flat = 0; flat < n; flat++) {
      long src = 0;
      for (int d = 0; d < in.length; d++) if (in[d] != 1) src += idx[d + offset] * inStrides[d];
      map[flat] = (int) src;
      for (int d = out.length - 1; d >= 0; d--) {
        if (++idx[d] < out[d]) break;
        idx[d] = 0;
      }
    }
    return map;
  }
}
