package dev.sol.frontend.onnx;

/**
 * Trims pooling windows to the taps that can meet the input. A MaxPool of 99999x99999 with
 * SAME padding on a 4x4 image is legal ONNX, but looping over every tap of every window
 * would take hours; the taps that lie in the padding for every window change nothing (max
 * pooling, and averages that do not count padding), so they go, with the pads they cover.
 */
final class PoolWindows {
  private PoolWindows() {}

  /**
   * Trims {@code kernel} and {@code pads} (begin pads, then end pads) in place, keeping every
   * output size and every window's taps inside the input.
   */
  static void trim(long[] in, long[] kernel, long[] strides, long[] dilations, long[] pads, boolean ceilMode) {
    int dims = kernel.length;
    if (in.length != dims || strides.length != dims || dilations.length != dims || pads.length != 2 * dims) return;
    for (int i = 0; i < dims; i++) {
      long k = kernel[i];
      long s = strides[i];
      long d = dilations[i];
      long pb = pads[i];
      long pe = pads[i + dims];
      if (k < 1 || s < 1 || d < 1 || pb < 0 || pe < 0) return;
      // Bounds under which nothing below overflows; the importer refuses larger attributes.
      if (Math.max(Math.max(k, s), Math.max(d, Math.max(pb, pe))) > Integer.MAX_VALUE || in[i] > Integer.MAX_VALUE) return;
      long out = outSize(in[i], k, s, d, pb, pe, ceilMode);
      if (out < 1) continue;
      // Leading taps before the input even in the last window, trailing ones after it even in the first.
      long lead = Math.min(Math.max(0, Math.ceilDiv(pb - (out - 1) * s, d)), pb / d);
      long trail = Math.min(Math.max(0, k - Math.ceilDiv(in[i] + pb, d)), pe / d);
      if (lead + trail > k - 1) continue;
      long newPb = pb - lead * d;
      long newPe = pe - trail * d;
      if (outSize(in[i], k - lead - trail, s, d, newPb, newPe, ceilMode) != out) continue;
      kernel[i] = k - lead - trail;
      pads[i] = newPb;
      pads[i + dims] = newPe;
    }
  }

  /** The output size as nn's pooling infers it (Spatial.outSize); below 1 when the window does not fit. */
  private static long outSize(long in, long k, long s, long d, long padBegin, long padEnd, boolean ceil) {
    long num = in + padBegin + padEnd - ((k - 1) * d + 1);
    if (num < 0) return 0;
    long out = (ceil ? Math.ceilDiv(num, s) : Math.floorDiv(num, s)) + 1;
    if (ceil && (out - 1) * s >= in + padBegin) out--;
    return out;
  }
}
