package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.math.FmaOp;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.dialect.vector.FMAOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.ShuffleOp;
import dev.sol.dialect.vector.StoreOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.dialect.vector.TransferWriteOp;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * A 2-D depthwise nn.conv on f32 (one input channel per group, as in MobileNet and ShuffleNet)
 * as a direct kernel: per image and output channel, each output is the bias plus its taps,
 * unrolled, with the channel's weights held in registers, and goes through the epilogue
 * before its single store. With stride 1 or 2 along the row (1 when dilated), a row is explicit
 * vectors of output columns ({@link #vectorRows}). Otherwise the output plane is cut statically into the interior, whose taps
 * all read inside the image (no bounds checks: a plain loop along the row that LLVM
 * vectorizes, stride 2 included), and the border, whose taps read a clamped address and
 * select zero outside ({@link PlaneWindows}). The generic loops of {@link ConvLowering} instead read and write the
 * output plane once per tap and check every address.
 */
final class DepthwiseConv {
  private DepthwiseConv() {}

  /** Whether {@code op} is a depthwise 2-D convolution on f32 for a target with vectors. */
  static boolean applies(ConvOp op, TargetDescription t) {
    ShapedType x = op.operandType(0);
    ShapedType w = op.operandType(1);
    return t.vectorizes() && x.element().equals(FloatType.F32) && x.rank() == 4 && op.group() > 1 && op.group() == x.shape()[1]
        && w.shape()[1] == 1 && PlaneWindows.unrolls(w.shape()[2], w.shape()[3]);
  }

  /**
   * Lowers {@code op} (which {@link #applies}), each output passed through {@code epilogue}
   * (null: none) as a scalar ({@code type} null) at output indices [image, channel, y * ow + x].
   */
  static void conv(ConvOp op, Loops l, Value x, Value w, Value bias, Value out, TargetDescription target, MatMulKernel.Epilogue epilogue) {
    long[] xs = ((MemRefType) x.type()).shape();
    long[] ws = ((MemRefType) w.type()).shape();
    long[] os = ((MemRefType) out.type()).shape();
    if (FlatPlaneDepthwise.applies(op, target)) {
      FlatPlaneDepthwise.conv(op, l, x, w, bias, out, target.vectorWidth(), epilogue);
      return;
    }
    if (inVectors(op, ws, target)) {
      vectorRows(op, l, x, w, bias, out, target.vectorWidth(), epilogue);
      return;
    }
    long multiplier = ws[0] / op.group();
    PlaneWindows plane = new PlaneWindows(xs[2], xs[3], os[2], os[3], new long[] {ws[2], ws[3]}, op.strides(), op.dilations(), op.pads());
    Type f32 = FloatType.F32;
    l.parallelForEach(new long[] {os[0], os[1]}, os[2] * os[3] * ws[2] * ws[3], iv -> {
      Value image = iv.get(0);
      Value oc = iv.get(1);
      Value ic = multiplier == 1 ? oc : l.divui(oc, l.index(multiplier));
      PlaneWeights weights = PlaneWeights.load(l, w, bias, oc, ws);
      List<Value> taps = weights.taps();
      Value start = weights.bias();
      plane.forEach(l, (y, col, checked) -> {
        Value acc = start;
        for (int i = 0; i < ws[2]; i++) {
          for (int j = 0; j < ws[3]; j++) {
            PlaneWindows.Tap t = plane.tap(l, y, col, i, j, checked);
            Value v = l.load(x, List.of(image, ic, t.iy(), t.ix()));
            if (t.inside() != null) v = l.select(t.inside(), v, l.constant(0, f32));
            acc = FmaOp.create(l.builder(), l.location(), v, taps.get((int) (i * ws[3] + j)), acc).result();
          }
        }
        if (epilogue != null) acc = epilogue.apply(l, List.of(image, oc, l.add(l.mul(y, l.index(os[3])), col)), acc, null, false);
        l.store(acc, out, List.of(image, oc, y, col));
      });
    });
  }

  /**
   * Whether the rows go in explicit vectors ({@link #vectorRows}): stride 1 or 2 along the row
   * (1 when dilated), padding smaller than the window's span and than a vector.
   */
  private static boolean inVectors(ConvOp op, long[] ws, TargetDescription t) {
    long[] st = op.strides();
    long[] dl = op.dilations();
    long[] pd = op.pads();
    int width = t.vectorWidth();
    // A dilated window (stride 1) spans (k - 1) d + 1 columns and rows.
    boolean dilated = dl[0] > 1 || dl[1] > 1;
    if (dilated && (st[0] != 1 || st[1] != 1)) return false;
    long spanH = (ws[2] - 1) * dl[0] + 1;
    long spanW = (ws[3] - 1) * dl[1] + 1;
    return width > 1 && (st[1] == 1 || st[1] == 2) && pd[1] < spanW && pd[1] < width && pd[3] < spanW && pd[0] < spanH && pd[2] < spanH;
  }

  /**
   * The depthwise convolution a vector of output columns at a time, per plane: LLVM vectorized
   * only the interior of each row and left the rest scalar, which on MobileNet's 28 x 28 planes
   * was 10 of 26 columns, and all of a 7 x 7 plane's (ONNX Runtime's NCHWc kernels keep 16
   * channels in the vector lanes instead). Each output row takes the window rows that lie inside
   * the image (the border rows skip the others, which read zeros); each vector of columns loads
   * each tap's inputs as one vector (at stride 2, two vectors whose even lanes vector.shuffle
   * picks), masked where it reaches past the end of the input row,
   * which reads the right padding's zeros; the first vector's taps that start left of the row
   * load from column 0 and shift right, zeros coming in (the left padding). The vector goes
   * through the epilogue and is stored, masked at the end of the output row. Interior rows go
   * in groups and window rows in chains of their own, for enough independent FMAs ({@link #CHAINS}).
   */
  private static void vectorRows(ConvOp op, Loops l, Value x, Value w, Value bias, Value out, int width, MatMulKernel.Epilogue epilogue) {
    long[] xs = ((MemRefType) x.type()).shape();
    long[] ws = ((MemRefType) w.type()).shape();
    long[] os = ((MemRefType) out.type()).shape();
    long[] st = op.strides();
    long[] pd = op.pads();
    long multiplier = ws[0] / op.group();
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    // At stride 2 along the row, each plane's even and odd columns are first copied apart (see
    // splitColumns), so that every tap reads one plain vector of one of them.
    boolean phased = st[1] == 2 && multiplier == 1 && ws[3] >= PHASED_WINDOW && (os[3] >= 2L * width || width >= 16 && os[3] > width);
    long half = Math.ceilDiv(xs[3], 2);
    Value phases = phased ? l.alloc(new MemRefType(new long[] {xs[0], xs[1], 2, xs[2], half}, FloatType.F32)) : null;
    l.parallelForEach(new long[] {os[0], os[1]}, os[2] * os[3] * ws[2] * ws[3], iv -> {
      Value image = iv.get(0);
      Value oc = iv.get(1);
      Value ic = multiplier == 1 ? oc : l.divui(oc, l.index(multiplier));
      if (phased) splitColumns(l, x, phases, image, ic, xs, half, width);
      PlaneWeights weights = PlaneWeights.load(l, w, bias, oc, ws).broadcast(l, vt);
      List<Value> taps = weights.taps();
      Value start = weights.bias();
      RowContext row = new RowContext(l, x, phases, half, out, image, ic, oc, xs, ws, os, st[0], pd[0], st[1], pd[1], op.dilations(), width, vt,
          taps, start, epilogue);
      // Output rows whose window rows all lie inside the image, and the border rows before and after them.
      long[] inside = PlaneWindows.interior(os[2], xs[2], st[0], op.dilations()[0], pd[0], ws[2]);
      for (long y = 0; y < inside[0]; y++) row.emit(l.index(y), y * st[0] - pd[0]);
      long interior = inside[1] - inside[0];
      if (interior > 0) {
        // Interior rows in groups (see CHAINS), the rows after the last whole group one by one.
        long group = Math.min(interior, Math.min(MAX_ROW_GROUP, Math.max(1, CHAINS / Math.ceilDiv(os[3], width))));
        long groups = interior / group;
        l.forEach(new long[] {groups}, yv -> {
          Value y0 = l.add(l.mul(yv.getFirst(), l.index(group)), l.index(inside[0]));
          for (long r = 0; r < group; r++) row.emit(l.add(y0, l.index(r)), null);
        });
        for (long y = inside[0] + groups * group; y < inside[1]; y++) row.emit(l.index(y), null);
      }
      for (long y = Math.max(inside[0], inside[1]); y < os[2]; y++) row.emit(l.index(y), y * st[0] - pd[0]);
    });
  }

  /**
   * The narrowest window whose stride-2 rows read the columns copied apart ({@link
   * #splitColumns}). On AVX2 against the shuffles: 5 x 5, 144 channels at 56 x 56, 0.86 of the
   * time; but 3 x 3, where the copy costs more than the six shuffles per row it saves: 96
   * channels at 112 x 112 1.19, 576 at 14 x 14 1.73. Output rows must also be two vectors long:
   * 5 x 5, 672 channels at 14 x 14 (one vector a row) took 1.37. With 16 lanes (AVX-512 on Zen 4,
   * where a shuffle of two 512-bit vectors costs more) more than one vector a row is enough: 5 x 5,
   * 120 channels at 56 x 56 (rows of 28) 0.68 of the shuffles' time; at one vector a row it is not
   * (240 channels at 28 x 28 1.22, 672 at 14 x 14 1.35).
   */
  private static final long PHASED_WINDOW = 5;

  /**
   * Plane (image, c) of x with its even columns apart from its odd ones: phases[image, c, p, row,
   * i] = x[image, c, row, 2 i + p], 0 where 2 i + p is past the row. Read from there, a stride-2
   * tap is one vector load of one phase, where from the input it is two loads and the shuffles
   * that pick their even lanes: a 5 x 5 window took 50 shuffles per vector of outputs. Only for
   * windows at least {@link #PHASED_WINDOW} wide. Each vector of a phase row comes from two
   * vectors of the input row, its even or odd lanes picked by one shuffle (zeros read past the
   * row's end). Copied element by element, the split took a third of the layer: in vectors,
   * 5 x 5 at stride 2, 144 channels at 56 x 56, took 0.90 of the time (MnasNet's 72 channels
   * at 56 x 56: 0.079 -> 0.060 ms, ONNX Runtime 0.054).
   */
  private static void splitColumns(Loops l, Value x, Value phases, Value image, Value c, long[] xs, long half, int width) {
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    long[][] lanes = new long[2][width];
    for (int k = 0; k < width; k++) {
      lanes[0][k] = 2L * k;
      lanes[1][k] = 2L * k + 1;
    }
    l.forEach(new long[] {xs[2]}, rv -> {
      List<Value> row = List.of(image, c, rv.getFirst());
      for (long i = 0; i < half; i += width) {
        Value a = RowVectors.read(l, vt, x, row, xs[3], 2 * i);
        Value b = RowVectors.read(l, vt, x, row, xs[3], 2 * i + width);
        for (int p = 0; p < 2; p++) {
          Value v = ShuffleOp.create(l.builder(), l.location(), a, b, lanes[p]).result();
          List<Value> at = List.of(image, c, l.index(p), rv.getFirst(), l.index(i));
          if (i + width > half) TransferWriteOp.create(l.builder(), l.location(), v, phases, at, false);
          else StoreOp.create(l.builder(), l.location(), v, phases, at);
        }
      }
    });
  }

  /**
   * Independent chains of FMAs to keep under way: each vector of outputs is a chain of
   * dependent FMAs, one per tap, whose latency bounded the kernel (a 3 x 3 window, 9 FMAs of 4
   * cycles, per vector: MobileNet-v2's 14 x 14 planes, two vectors a row, ran at a fifth of the
   * FMA peak). Interior output rows go in groups of up to {@link #MAX_ROW_GROUP} so that about
   * this many vectors are under way, and each vector sums its window rows in chains of their own
   * (the first from the bias), added at the end. On AVX2: 576 channels at 14 x 14 0.82 of the
   * time, 960 at 7 x 7 0.79, 144 at 56 x 56 with stride 2 0.97. Rows are not grouped past
   * this many vectors: two rows of 56 columns (14 chains, spilling with 16 registers) ran 1.2-1.4
   * times as long as one.
   */
  private static final long CHAINS = 8;

  /** The most output rows emitted together for independent chains of FMAs ({@link #CHAINS}). */
  private static final long MAX_ROW_GROUP = 4;

  /** Output channel oc's weights, tap by tap in row-major order, and its bias (0 without one), loaded once per plane. */
  record PlaneWeights(List<Value> taps, Value bias) {
    static PlaneWeights load(Loops l, Value w, Value bias, Value oc, long[] ws) {
      List<Value> taps = new ArrayList<>();
      for (int i = 0; i < ws[2]; i++) {
        for (int j = 0; j < ws[3]; j++) taps.add(l.load(w, List.of(oc, l.index(0), l.index(i), l.index(j))));
      }
      return new PlaneWeights(taps, bias == null ? l.constant(0, FloatType.F32) : l.load(bias, List.of(oc)));
    }

    /** These weights and bias each broadcast to a vector of {@code vt}, for kernels that compute a vector of outputs at a time. */
    PlaneWeights broadcast(Loops l, VectorType vt) {
      List<Value> vectors = new ArrayList<>();
      for (Value tap : taps) vectors.add(BroadcastOp.create(l.builder(), l.location(), vt, tap).result());
      return new PlaneWeights(vectors, BroadcastOp.create(l.builder(), l.location(), vt, bias).result());
    }
  }

  /** What the vectors of one plane's output rows share: the plane, the taps' weights and the bias as vectors. */
  private record RowContext(Loops l, Value x, Value phases, long half, Value out, Value image, Value ic, Value oc, long[] xs, long[] ws, long[] os,
      long rowStride,
      long topPad, long stride, long left, long[] dilation, int width, VectorType vt, List<Value> taps, Value start, MatMulKernel.Epilogue epilogue) {
    /**
     * Output row {@code y}; {@code top} is its first window row's input row when it is a border
     * row (known at compile time: window rows outside the image are left out), null inside.
     */
    void emit(Value y, Long top) {
      Value firstRow = l.sub(l.mul(y, l.index(rowStride)), l.index(topPad));
      long chunks = Math.ceilDiv(os[3], width);
      for (long c = 0; c < chunks; c++) {
        long x0 = c * width;
        // Each window row in a chain of its own (the first from the bias), added at the end.
        Value acc = null;
        for (int i = 0; i < ws[2]; i++) {
          if (top != null && (top + i * dilation[0] < 0 || top + i * dilation[0] >= xs[2])) continue;
          Value inputRow = l.add(firstRow, l.index(i * dilation[0]));
          List<Value> rowTaps = rowTaps(inputRow, x0);
          Value part = acc == null ? start : null;
          for (int j = 0; j < ws[3]; j++) {
            Value tap = taps.get((int) (i * ws[3] + j));
            part = part == null ? l.mul(rowTaps.get(j), tap) : FMAOp.create(l.builder(), l.location(), rowTaps.get(j), tap, part).result();
          }
          acc = acc == null ? part : l.add(acc, part);
        }
        if (acc == null) acc = start;
        boolean masked = x0 + width > os[3];
        Value col = l.index(x0);
        if (epilogue != null) acc = epilogue.apply(l, List.of(image, oc, l.add(l.mul(y, l.index(os[3])), col)), acc, vt, masked);
        List<Value> at = List.of(image, oc, y, col);
        if (masked) TransferWriteOp.create(l.builder(), l.location(), acc, out, at, false);
        else StoreOp.create(l.builder(), l.location(), acc, out, at);
      }
    }

    /** For each tap j of the window row, the inputs of the vector of outputs from column x0: input column (x0 + lane) * stride + j * dilation - left. */
    private List<Value> rowTaps(Value inputRow, long x0) {
      List<Value> out = new ArrayList<>();
      for (long j = 0; j < ws[3]; j++) {
        // Input column 2 (x0 + lane) + j - left is element x0 + lane + floor((j - left) / 2) of phase (j - left) mod 2.
        if (phases != null) out.add(shifted(inputRow, Math.floorMod(j - left, 2), x0 + Math.floorDiv(j - left, 2L), 1));
        else out.add(shifted(inputRow, -1, stride * x0 + j * dilation[1] - left, stride));
      }
      return out;
    }

    /**
     * The inputs at columns from + lane * step of the input row (step 1 or 2), zero outside the
     * row: a vector (two, split, for step 2) read from column max(from, 0), masked when it
     * reaches past the row's end, and shifted right by -from lanes with zeros when from < 0.
     */
    private Value shifted(Value inputRow, long phase, long from, long step) {
      long first = from < 0 ? from + (Math.ceilDiv(-from, step)) * step : from;
      long shift = (first - from) / step;
      Value v;
      if (step == 1) {
        v = read(inputRow, phase, first);
      } else {
        Value a = read(inputRow, phase, first);
        Value b = read(inputRow, phase, first + width);
        long[] lanes = new long[width];
        for (int k = 0; k < width; k++) lanes[k] = 2L * k;
        v = ShuffleOp.create(l.builder(), l.location(), a, b, lanes).result();
      }
      return RowVectors.shiftRight(l, vt, v, shift);
    }

    /**
     * A vector of the input row (of its even or odd columns, {@code phase} 0 or 1; -1: all) from
     * column {@code column} (at least 0), masked when it reaches past the row's end.
     */
    private Value read(Value inputRow, long phase, long column) {
      Value source = phase < 0 ? x : phases;
      long length = phase < 0 ? xs[3] : half;
      List<Value> row = phase < 0 ? List.of(image, ic, inputRow) : List.of(image, ic, l.index(phase), inputRow);
      return RowVectors.read(l, vt, source, row, length, column);
    }
  }
}
