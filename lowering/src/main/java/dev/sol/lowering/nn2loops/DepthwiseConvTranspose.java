package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.ConvTransposeOp;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.dialect.vector.FMAOp;
import dev.sol.dialect.vector.ShuffleOp;
import dev.sol.dialect.vector.StoreOp;
import dev.sol.dialect.vector.TransferWriteOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * A 2-D depthwise nn.conv_transpose on f32 (one input and one output channel per group, as
 * the learned or bilinear upsampling layers of segmentation and detection heads are), with
 * stride 1 or 2 along the row and no dilation, as a direct kernel that gathers: output
 * (oy, ox) takes tap (i, j) from input (y, x) where oy = y * sh - ph + i and ox = x * sw - pw +
 * j. Output rows go by their phase oy mod sh, for which the window rows that reach them are
 * known when compiling (those i with oy + ph - i a multiple of sh, each reading input row
 * (oy + ph - i) / sh); so do the columns: a vector of the outputs in even columns and one of
 * those in odd columns each sum their own taps' input vectors (plain loads of consecutive
 * input columns, zero outside the row: {@link RowVectors}), and two shuffles interleave them
 * into two vectors of consecutive outputs, stored once. The product and scatter of {@link
 * VectorConvTranspose} made a 16 x 1 x pixels product per channel and added each of its
 * elements to the output with a scalar load and store: a 4 x 4, stride-2 one of 64 channels at
 * 64 x 64 took 1.4-1.6 times ONNX Runtime's time.
 */
final class DepthwiseConvTranspose {
  private DepthwiseConvTranspose() {}

  /** Whether {@code op} is a depthwise 2-D transposed convolution on f32 that this kernel takes on target {@code t}. */
  static boolean applies(ConvTransposeOp op, TargetDescription t) {
    ShapedType x = op.operandType(0);
    ShapedType w = op.operandType(1);
    long[] st = op.strides();
    long[] dl = op.dilations();
    if (!(t.vectorizes() && Long.bitCount(t.vectorWidth()) == 1 && x.element().equals(FloatType.F32) && x.rank() == 4 && op.group() > 1
        && op.group() == x.shape()[1] && w.shape()[1] == 1 && dl[0] == 1 && dl[1] == 1 && (st[1] == 1 || st[1] == 2))) {
      return false;
    }
    ShapedType y = (ShapedType) op.result(0).type();
    long vectorsPerRow = Math.ceilDiv(y.shape()[3], st[1] * t.vectorWidth()) * st[1];
    return vectorsPerRow * w.shape()[2] * w.shape()[3] / (st[0] * st[1]) <= MAX_ROW_TAPS;
  }

  /**
   * The most taps one output row's code may hold: a row is unrolled, each vector of outputs
   * summing its phase's taps (a 4 x 4 window with stride 2 on a 128-wide row at 16 lanes: 64).
   */
  private static final long MAX_ROW_TAPS = 2048;

  static void lower(ConvTransposeOp op, Loops l, Value x, Value w, Value bias, Value out, TargetDescription t) {
    long[] xs = ((MemRefType) x.type()).shape();
    long[] ws = ((MemRefType) w.type()).shape();
    long[] os = ((MemRefType) out.type()).shape();
    long sh = op.strides()[0];
    long ph = op.pads()[0];
    VectorType vt = new VectorType(new long[] {t.vectorWidth()}, FloatType.F32);
    l.parallelForEach(new long[] {os[0], os[1]}, os[2] * os[3] * ws[2] * ws[3] / (sh * op.strides()[1]), iv -> {
      Value image = iv.get(0);
      Value c = iv.get(1);
      DepthwiseConv.PlaneWeights weights = DepthwiseConv.PlaneWeights.load(l, w, bias, c, ws);
      List<Value> taps = new ArrayList<>();
      for (Value tap : weights.taps()) taps.add(BroadcastOp.create(l.builder(), l.location(), vt, tap).result());
      Value start = BroadcastOp.create(l.builder(), l.location(), vt, weights.bias()).result();
      Plane plane = new Plane(l, x, out, image, c, xs, ws, os, op.strides()[1], op.pads()[1], vt, taps, start);
      for (long phase = 0; phase < Math.min(sh, os[2]); phase++) {
        // Output rows oy = phase + sh q; window row i reaches them when phase + ph - i is a
        // multiple of sh, from input row q + (phase + ph - i) / sh: rows holds {i, that offset}.
        List<long[]> rows = new ArrayList<>();
        for (long i = 0; i < ws[2]; i++) {
          if (Math.floorMod(phase + ph - i, sh) == 0) rows.add(new long[] {i, Math.floorDiv(phase + ph - i, sh)});
        }
        long count = Math.ceilDiv(os[2] - phase, sh);
        // Rows q in [first, last) read inside the input from every window row; the others one by one, with those that do.
        long first = 0;
        long last = count;
        for (long[] r : rows) {
          first = Math.max(first, -r[1]);
          last = Math.min(last, xs[2] - r[1]);
        }
        first = Math.min(first, count);
        last = Math.max(first, Math.min(last, count));
        for (long q = 0; q < first; q++) plane.row(l.index(phase + sh * q), l.index(q), inside(rows, q, xs[2]));
        long from = first;
        long ph0 = phase;
        if (last > first) {
          l.forEach(new long[] {last - first}, qv -> {
            Value q = l.add(qv.getFirst(), l.index(from));
            plane.row(l.add(l.mul(q, l.index(sh)), l.index(ph0)), q, rows);
          });
        }
        for (long q = last; q < count; q++) plane.row(l.index(phase + sh * q), l.index(q), inside(rows, q, xs[2]));
      }
    });
  }

  /** The window rows that read inside the input (of {@code height} rows) for output row q of their phase. */
  private static List<long[]> inside(List<long[]> rows, long q, long height) {
    return rows.stream().filter(r -> q + r[1] >= 0 && q + r[1] < height).toList();
  }

  /** One plane (image, c): its input and output, the taps' weights and the bias as vectors. */
  private record Plane(Loops l, Value x, Value out, Value image, Value c, long[] xs, long[] ws, long[] os, long stride, long left, VectorType vt,
      List<Value> taps, Value start) {
    /**
     * Output row {@code y}, the q-th of its phase, from window rows {@code rows} ({i, offset}:
     * window row i reads input row q + offset), a vector of outputs of each column phase at a
     * time, interleaved into consecutive columns.
     */
    void row(Value y, Value q, List<long[]> rows) {
      int width = (int) vt.shape()[0];
      long span = stride * width;
      List<Value> inputRows = new ArrayList<>();
      for (long[] r : rows) inputRows.add(l.add(q, l.index(r[1])));
      for (long x0 = 0; x0 < os[3]; x0 += span) {
        List<Value> phases = new ArrayList<>();
        for (long phase = 0; phase < stride; phase++) {
          // Output column x0 + stride * lane + phase takes tap j from input column x0 / stride + lane + (phase + left - j) / stride.
          Value acc = start;
          for (int r = 0; r < rows.size(); r++) {
            long i = rows.get(r)[0];
            List<Value> inputRow = List.of(image, c, inputRows.get(r));
            for (long j = 0; j < ws[3]; j++) {
              if (Math.floorMod(phase + left - j, stride) != 0) continue;
              Value v = RowVectors.at(l, vt, x, inputRow, xs[3], x0 / stride + Math.floorDiv(phase + left - j, stride));
              acc = FMAOp.create(l.builder(), l.location(), v, taps.get((int) (i * ws[3] + j)), acc).result();
            }
          }
          phases.add(acc);
        }
        if (stride == 1) {
          store(phases.getFirst(), y, x0);
        } else {
          store(interleave(phases, 0), y, x0);
          if (x0 + width < os[3]) store(interleave(phases, width / 2), y, x0 + width);
        }
      }
    }

    /** Lanes from {@code first} on of the even and the odd outputs, alternating: consecutive output columns. */
    private Value interleave(List<Value> phases, int first) {
      int width = (int) vt.shape()[0];
      long[] lanes = new long[width];
      for (int k = 0; k < width; k++) lanes[k] = first + k / 2 + (k % 2 == 0 ? 0 : width);
      return ShuffleOp.create(l.builder(), l.location(), phases.get(0), phases.get(1), lanes).result();
    }

    /** The vector of outputs of row y from column x0, masked at the end of the row. */
    private void store(Value v, Value y, long x0) {
      List<Value> at = List.of(image, c, y, l.index(x0));
      if (x0 + vt.shape()[0] > os[3]) TransferWriteOp.create(l.builder(), l.location(), v, out, at, false);
      else StoreOp.create(l.builder(), l.location(), v, out, at);
    }
  }
}
