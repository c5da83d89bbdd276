package dev.sol.lowering.nn2loops;

import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/**
 * The outputs of one 2-D plane of a windowed op (a depthwise convolution, a pooling), cut
 * statically into the interior, where every tap of the window reads inside the input, and the
 * border. The interior's rows run as a plain loop along the row, with no bounds checks, that
 * LLVM vectorizes (strided loads included); the border's outputs check their taps.
 *
 * @param inH input rows
 * @param inW input columns
 * @param outH output rows
 * @param outW output columns
 * @param kernel the window's rows and columns; strides, dilations and pads (top, left, bottom, right) as the op has them
 */
record PlaneWindows(long inH, long inW, long outH, long outW, long[] kernel, long[] strides, long[] dilations, long[] pads) {
  /**
   * The most taps a window may have to be unrolled: each tap is some ten ops in each of the
   * three loops, and a window of a million taps (a valid pooling) took minutes to compile.
   * Larger windows keep the generic loops.
   */
  static final long MAX_TAPS = 64;

  /** Whether a window of {@code rows} x {@code cols} taps is unrolled. */
  static boolean unrolls(long rows, long cols) { return rows * cols <= MAX_TAPS; }

  /** What an op computes for output (y, x); {@code checked} when its taps may read outside the input. */
  @FunctionalInterface
  interface Output {
    void emit(Value y, Value x, boolean checked);
  }

  /**
   * A tap's input position (clamped into the input when checked), whether it is inside (null
   * when that is known), and the position before clamping.
   */
  record Tap(Value iy, Value ix, Value inside, Value rawY, Value rawX) {}

  /** Emits every output of the plane, the border's checked. */
  void forEach(Loops l, Output output) {
    long[] rows = interior(outH, inH, strides[0], dilations[0], pads[0], kernel[0]);
    long[] cols = interior(outW, inW, strides[1], dilations[1], pads[1], kernel[1]);
    rows(l, 0, rows[0], output);
    l.forEach(new long[] {rows[1] - rows[0]}, yv -> {
      Value y = shifted(l, yv.getFirst(), rows[0]);
      columns(l, y, 0, cols[0], true, output);
      columns(l, y, cols[0], cols[1], false, output);
      columns(l, y, cols[1], outW, true, output);
    });
    rows(l, rows[1], outH, output);
  }

  /**
   * The input position of tap (i, j) of output (y, x), clamped into the input when
   * {@code checked} (then {@code inside} says whether it was there).
   */
  Tap tap(Loops l, Value y, Value x, int i, int j, boolean checked) {
    Value iy = shifted(l, l.mul(y, l.index(strides[0])), i * dilations[0] - pads[0]);
    Value ix = shifted(l, l.mul(x, l.index(strides[1])), j * dilations[1] - pads[1]);
    if (!checked) return new Tap(iy, ix, null, iy, ix);
    Value inside = l.and(l.inRange(iy, 0, inH), l.inRange(ix, 0, inW));
    return new Tap(l.clamp(iy, inH), l.clamp(ix, inW), inside, iy, ix);
  }

  private void rows(Loops l, long from, long to, Output output) {
    if (from >= to) return;
    l.forEach(new long[] {to - from}, yv -> columns(l, shifted(l, yv.getFirst(), from), 0, outW, true, output));
  }

  private static void columns(Loops l, Value y, long from, long to, boolean checked, Output output) {
    if (from >= to) return;
    l.forEach(new long[] {to - from}, xv -> output.emit(y, shifted(l, xv.getFirst(), from), checked));
  }

  private static Value shifted(Loops l, Value v, long by) { return by == 0 ? v : l.add(v, l.index(by)); }

  /**
   * The outputs [lo, hi) of {@code outputs} all of whose {@code kernel} taps read inside [0, size):
   * o * stride + t * dilation - pad in range for every tap t.
   */
  static long[] interior(long outputs, long size, long stride, long dilation, long pad, long kernel) {
    long lo = Math.ceilDiv(pad, stride);
    long hi = Math.floorDiv(size - 1 + pad - (kernel - 1) * dilation, stride) + 1;
    lo = Math.min(Math.max(0, lo), outputs);
    hi = Math.max(lo, Math.min(outputs, hi));
    return new long[] {lo, hi};
  }
}
