package dev.sol.frontend.onnx;

import static dev.sol.frontend.onnx.NodeImporter.attrs;
import static dev.sol.frontend.onnx.NodeImporter.shapeOf;

import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import java.util.Arrays;
import java.util.List;

/**
 * MaxPool's second output, Indices: for each output element, the position of its maximum in the
 * input tensor flattened, the spatial part row-major ({@code storage_order} 0) or column-major
 * (1), as ONNX's reference computes it: {@code (n * C + c) * spatial size + spatial index}. Ties
 * go to the first tap in the window's row-major order.
 *
 * <p>Built from nn ops over tables computed here, where the window geometry is known: the
 * input's spatial axes flattened, one {@code nn.gather} takes every output position's taps
 * ({@code [N, C, positions, taps]}), {@code nn.argmax} (first index of the maximum) picks a tap,
 * and a second gather maps (position, tap) to the index the storage order asks for. A window's
 * taps in the padding are left out: its slots hold its in-range taps in order, then repeats of
 * its first one, which can never win the first-index tie-break over the original; no sentinel
 * value is needed, so every element type and every value (the lowest float included) works.
 * The values output stays the plain nn.max_pool.
 */
final class MaxPoolIndices {
  private MaxPoolIndices() {}

  /** The largest table (positions x taps) built; beyond it the import refuses the output. */
  static final long MAX_TABLE = 1L << 24;

  /**
   * The Indices of a max pool of {@code x} with the importer's final window attributes (taps
   * trimmed as {@link PoolWindows} does, which keeps their order) and output spatial shape
   * {@code out}.
   */
  static Value of(NodeImporter n, Value x, long[] out, long[] kernel, long[] strides, long[] pads, long[] dilations, long storageOrder)
      throws ImportException {
    if (storageOrder != 0 && storageOrder != 1) throw n.error("storage_order must be 0 (row-major) or 1 (column-major), got " + storageOrder);
    long[] xs = shapeOf(x);
    int dims = kernel.length;
    long[] in = Arrays.copyOfRange(xs, 2, xs.length);
    long spatial = Tensor.count(in);
    long positions = Tensor.count(out);
    long taps = Tensor.count(kernel);
    if (positions > 0 && taps > MAX_TABLE / positions || xs[0] * xs[1] > MAX_TABLE) {
      throw n.error("the Indices output needs tables of " + positions + " windows x " + taps + " taps and " + xs[0] * xs[1]
          + " planes; more than " + MAX_TABLE + " entries are not supported");
    }
    long[] gatherAt = new long[Math.toIntExact(positions * taps)];
    long[] index = new long[gatherAt.length];
    long[] o = new long[dims];
    long[] t = new long[dims];
    long[] at = new long[dims];
    for (int p = 0; p < positions; p++) {
      unravel(p, out, o);
      int filled = 0;
      for (int j = 0; j < taps; j++) {
        unravel(j, kernel, t);
        boolean inside = true;
        for (int d = 0; d < dims; d++) {
          at[d] = o[d] * strides[d] - pads[d] + t[d] * dilations[d];
          inside &= at[d] >= 0 && at[d] < in[d];
        }
        if (!inside) continue;
        int slot = Math.toIntExact(p * taps + filled++);
        gatherAt[slot] = ravel(at, in, false);
        index[slot] = ravel(at, in, storageOrder == 1);
      }
      for (int j = filled; j < taps; j++) {
        int slot = Math.toIntExact(p * taps + j);
        // A window wholly in the padding (which ONNX's pads smaller than the kernel rule out) gets -1, as the reference leaves it.
        gatherAt[slot] = filled == 0 ? 0 : gatherAt[Math.toIntExact(p * taps)];
        index[slot] = filled == 0 ? -1 : index[Math.toIntExact(p * taps)];
      }
    }
    Value flat = n.reshape(x, new long[] {xs[0], xs[1], spatial});
    Value windows = n.emit("nn.gather", List.of(flat, n.constantValue(Tensor.ofLongs(IntegerType.I64, new long[] {positions, taps}, gatherAt))),
        attrs("axis", IntegerAttr.i64(2)));
    Value tap = n.emit("nn.argmax", List.of(windows), attrs("axis", IntegerAttr.i64(3), "keepdims", IntegerAttr.i64(0), "select_last_index", IntegerAttr.i64(0)));
    long[] rowStarts = new long[Math.toIntExact(positions)];
    for (int p = 0; p < positions; p++) rowStarts[p] = p * taps;
    Value slot = n.add(tap, n.constantValue(Tensor.ofLongs(IntegerType.I64, new long[] {positions}, rowStarts)));
    Value within = n.emit("nn.gather", List.of(n.constantValue(Tensor.ofLongs(IntegerType.I64, new long[] {positions * taps}, index)), slot),
        attrs("axis", IntegerAttr.i64(0)));
    long[] planeStarts = new long[Math.toIntExact(xs[0] * xs[1])];
    for (int c = 0; c < planeStarts.length; c++) planeStarts[c] = c * spatial;
    Value indices = n.add(within, n.constantValue(Tensor.ofLongs(IntegerType.I64, new long[] {xs[0], xs[1], 1}, planeStarts)));
    long[] shape = new long[xs.length];
    shape[0] = xs[0];
    shape[1] = xs[1];
    System.arraycopy(out, 0, shape, 2, dims);
    return n.reshape(indices, shape);
  }

  /** The coordinates of {@code i} in {@code shape}, row-major. */
  private static void unravel(long i, long[] shape, long[] into) {
    for (int d = shape.length - 1; d >= 0; d--) {
      into[d] = i % shape[d];
      i /= shape[d];
    }
  }

  /** The flat position of {@code at} in {@code shape}: row-major, or with the first axis fastest when {@code columnMajor}. */
  private static long ravel(long[] at, long[] shape, boolean columnMajor) {
    long r = 0;
    if (columnMajor) {
      for (int d = shape.length - 1; d >= 0; d--) r = r * shape[d] + at[d];
    } else {
      for (int d = 0; d < shape.length; d++) r = r * shape[d] + at[d];
    }
    return r;
  }
}
