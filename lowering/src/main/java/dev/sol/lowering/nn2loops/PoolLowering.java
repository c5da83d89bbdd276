package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.Integers;
import dev.sol.dialect.nn.PoolOp;
import dev.sol.ir.*;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.ShuffleOp;
import dev.sol.dialect.vector.StoreOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.dialect.vector.TransferWriteOp;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * nn.max_pool and nn.avg_pool. On a target with vectors, 2-D f32 windows at stride 1 or 2 go
 * through a row buffer per output row ({@link #planeInVectors}: the window's rows combined,
 * then its columns, padding included). Otherwise, per output element, a reduction over the
 * window; padded positions read a clamped address and keep the accumulator, and averages
 * divide by a second reduction that counts the positions (padded ones too with
 * count_include_pad).
 */
public final class PoolLowering<T extends PoolOp> extends NnLowering<T> {
  private final TargetDescription target;

  public PoolLowering(Class<T> type, OpSpec spec, Buffers buffers, TargetDescription target) {
    super(type, spec, buffers);
    this.target = target;
  }

  @Override protected void lower(T op, Loops l, List<Value> in, List<Value> out) {
    Value x = in.getFirst();
    boolean max = op.isMax();
    if (!max) requireFloat(op);
    long[] xs = shape(x);
    long[] kernel = op.kernelShape();
    long[] st = op.strides();
    long[] dl = op.dilations();
    long[] pd = op.pads();
    boolean countPad = op.countIncludePad();
    Type t = element(x);
    Type element = nnElement(op, 0);
    if (xs.length == 4 && t instanceof FloatType && PlaneWindows.unrolls(kernel[0], kernel[1])) {
      planes(op, l, x, out.getFirst(), max, lowest(l, element, t), t.equals(FloatType.F32) ? target.vectorWidth() : 1);
      return;
    }
    // Averages sum (and count) in f32 for f16 and bf16 (see accumulator); maxima need no wider type.
    Type sum = max ? t : accumulator(t);
    l.parallelForEach(shape(out.getFirst()), (max ? 1 : 2) * product(kernel), iv -> {
      Value acc = l.reduce(kernel, max ? lowest(l, element, t) : l.constant(0, sum), (kv, s) -> {
        Windowed wv = window(l, iv, kv, xs, st, dl, pd, false);
        Value v = widened(l, l.load(x, wv.indices), sum);
        Value next = max ? l.maxWithNaN(s, v) : l.add(s, v);
        return wv.inside == null ? next : l.select(wv.inside, next, s);
      });
      if (!max) {
        Value count = l.reduce(kernel, l.constant(0, sum), (kv, s) -> {
          Windowed wv = window(l, iv, kv, xs, st, dl, pd, countPad);
          Value next = l.add(s, l.constant(1, sum));
          return wv.inside == null ? next : l.select(wv.inside, next, s);
        });
        acc = narrowed(l, l.div(acc, count), t);
      }
      l.store(acc, out.getFirst(), iv);
    });
  }

  /**
   * 2-D pooling per plane ({@link PlaneWindows}): the window's taps unrolled, the interior's
   * outputs without bounds checks in a row loop that LLVM vectorizes, the border's checked.
   * The interior's averages divide by the window's size; the border's count their taps (the
   * padded ones too with count_include_pad).
   */
  private static void planes(PoolOp op, Loops l, Value x, Value out, boolean max, Value lowest, int width) {
    long[] xs = shape(x);
    long[] os = shape(out);
    long[] kernel = op.kernelShape();
    PlaneWindows plane = new PlaneWindows(xs[2], xs[3], os[2], os[3], kernel, op.strides(), op.dilations(), op.pads());
    long[] dl = op.dilations();
    boolean separable = max && kernel[0] > 1 && dl[0] == 1 && dl[1] == 1;
    long rowStart = rowStart(op, width);
    boolean inVectors = inVectors(op, max, width);
    l.parallelForEach(new long[] {os[0], os[1]}, os[2] * os[3] * product(kernel), iv -> {
      PlaneWindows.Output output = output(op, l, x, out, max, lowest, plane, iv);
      if (inVectors) planeInVectors(op, l, x, out, max ? lowest : l.constant(0, FloatType.F32), iv, width, rowStart, max);
      else if (separable) separableMax(op, l, x, out, lowest, iv, output, width);
      else plane.forEach(l, output);
    });
  }

  /** Where the row buffer of {@link #planeInVectors} holds the input row's first column: a vector boundary past the left padding. */
  private static long rowStart(PoolOp op, int width) {
    long pad = op.pads()[1];
    return pad == 0 || width < 2 ? 0 : Math.ceilDiv(pad, width) * width;
  }

  /**
   * Whether {@link #planeInVectors} takes the planes of {@code op} on vectors of {@code width}
   * (f32; 1 otherwise): windows of several rows without dilation, at stride 1 or 2 along the
   * row, whose taps fit the vectors it reads; averages not with ceil_mode, whose windows past
   * the padding would count differently.
   */
  private static boolean inVectors(PoolOp op, boolean max, int width) {
    long[] kernel = op.kernelShape();
    long[] dl = op.dilations();
    long[] st = op.strides();
    return kernel[0] > 1 && dl[0] == 1 && dl[1] == 1 && (max || !op.ceilMode()) && width > 1 && st[1] <= 2
        && tapsFit(Math.floorMod(rowStart(op, width) - op.pads()[1], width), st[1], kernel[1], width);
  }

  /**
   * Whether a 2-D max pool of f32 takes its output rows in vectors ({@link #maxRow}) on vectors
   * of {@code width}: what a convolution that pools its own rows ({@link ConvPool}) needs.
   */
  static boolean maxRowsInVectors(PoolOp op, Type element, int width) {
    return op.isMax() && element.equals(FloatType.F32) && op.kernelShape().length == 2 && PlaneWindows.unrolls(op.kernelShape()[0], op.kernelShape()[1])
        && inVectors(op, true, width);
  }

  /**
   * The row buffer of {@link #planeInVectors} for input rows of {@code columns} and output rows
   * of {@code outputs}, its vectors outside the input's columns holding {@code identity}.
   */
  static Value rowBuffer(PoolOp op, Loops l, long columns, long outputs, Value identity, int width) {
    long left = rowStart(op, width);
    long filled = left + Math.ceilDiv(columns, width) * width;
    long length = Math.ceilDiv(Math.max(filled, (outputs - 1) * op.strides()[1] - op.pads()[1] + left + 3L * width + 1), width) * width;
    Value row = dev.sol.dialect.memref.AllocaOp.create(l.builder(), l.location(), new MemRefType(new long[] {length}, FloatType.F32)).result();
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    Value identities = BroadcastOp.create(l.builder(), l.location(), vt, identity).result();
    range(l, 0, left / width, cv -> StoreOp.create(l.builder(), l.location(), identities, row, List.of(l.mul(cv, l.index(width)))));
    range(l, filled / width, length / width, cv -> StoreOp.create(l.builder(), l.location(), identities, row, List.of(l.mul(cv, l.index(width)))));
    return row;
  }

  /**
   * One output row of a max pool in vectors, {@code out} at {@code outRow} (image, channel, y):
   * the maximum of the {@code windowRows} rows of {@code x} from {@code top} ({@code x} at
   * {@code plane}, row, column; rows of {@code columns}) into the row buffer of
   * {@link #rowBuffer}, then of each output's columns in it.
   */
  static void maxRow(PoolOp op, Loops l, Value x, List<Value> plane, Value top, long windowRows, long columns, Value row, Value out, List<Value> outRow,
      Value lowest, int width) {
    long left = rowStart(op, width);
    rowPass(l, x, plane, top, windowRows, row, left, columns, width, lowest, true);
    columnPass(l, row, out, outRow, new long[] {0, shape(out)[3]}, op.strides()[1], op.pads()[1] - left, op.kernelShape()[1], width, true, null);
  }

  /**
   * Max pooling of one plane (image iv[0], channel iv[1]) in two passes for the interior rows:
   * each output row's window rows are reduced into one row first (the maximum down the kh input
   * rows, along the whole row: contiguous loads that LLVM vectorizes), then each output takes the
   * maximum of kw neighbours of that row. A 3 x 3 window with stride 2 reads 3 inputs per output
   * in each pass instead of 9 strided ones (SqueezeNet's pools: 3x the time of ONNX Runtime's
   * before). The border keeps the checked outputs of {@link PlaneWindows}. For the windows
   * {@link #planeInVectors} does not take (wide windows at stride 2, targets without vectors).
   */
  private static void separableMax(PoolOp op, Loops l, Value x, Value out, Value lowest, List<Value> iv, PlaneWindows.Output checked,
      int width) {
    long[] xs = shape(x);
    long[] os = shape(out);
    long[] k = op.kernelShape();
    long[] st = op.strides();
    long[] pd = op.pads();
    long[] rows = PlaneWindows.interior(os[2], xs[2], st[0], 1, pd[0], k[0]);
    long[] cols = PlaneWindows.interior(os[3], xs[3], st[1], 1, pd[1], k[1]);
    // (Vectors when the taps fit in the whole vectors read from the row; see columnPass.)
    boolean vectors = width > 1 && st[1] <= 2 && cols[1] > cols[0] && leftOffset(cols, st[1], pd[1], width) + k[1] <= width;
    // In vectors, the row takes whole vectors, and as many more as the last vector of outputs
    // reads past the interior (lanes that go to the border, rewritten after, or past the end).
    // (From the last vector's left edge the second pass reads two vectors at stride 1, three
    // at stride 2.)
    long reach = st[1] == 2 ? 3L * width : 2L * width;
    long length = vectors ? Math.ceilDiv(Math.max(xs[3], (cols[1] - 1) * st[1] - pd[1] + reach + 1), width) * width : xs[3];
    Value row = dev.sol.dialect.memref.AllocaOp.create(l.builder(), l.location(), new MemRefType(new long[] {length}, element(x))).result();
    long filled = vectors ? Math.ceilDiv(xs[3], width) * width : length;
    if (length > filled) {
      // The vectors past the input's row hold the identity of max once for all rows.
      Value identity = BroadcastOp.create(l.builder(), l.location(), new VectorType(new long[] {width}, FloatType.F32), lowest).result();
      range(l, filled / width, length / width, cv -> StoreOp.create(l.builder(), l.location(), identity, row, List.of(l.mul(cv, l.index(width)))));
    }
    range(l, 0, rows[0], y -> range(l, 0, os[3], c -> checked.emit(y, c, true)));
    range(l, rows[0], rows[1], y -> {
      Value top = l.sub(l.mul(y, l.index(st[0])), l.index(pd[0]));
      if (vectors) {
        rowPass(l, x, iv, top, k[0], row, xs[3], width, lowest);
      } else {
        l.forEach(new long[] {xs[3]}, cv -> {
          Value m = lowest;
          for (int i = 0; i < k[0]; i++) m = l.maxWithNaN(m, l.load(x, List.of(iv.get(0), iv.get(1), l.add(top, l.index(i)), cv.getFirst())));
          l.store(m, row, cv);
        });
      }
      range(l, 0, cols[0], c -> checked.emit(y, c, true));
      if (vectors) {
        columnPass(l, row, out, List.of(iv.get(0), iv.get(1), y), cols, st[1], pd[1], k[1], width);
      } else {
        range(l, cols[0], cols[1], c -> {
          Value left = l.sub(l.mul(c, l.index(st[1])), l.index(pd[1]));
          Value m = lowest;
          for (int j = 0; j < k[1]; j++) m = l.maxWithNaN(m, l.load(row, List.of(l.add(left, l.index(j)))));
          l.store(m, out, List.of(iv.get(0), iv.get(1), y, c));
        });
      }
      range(l, cols[1], os[3], c -> checked.emit(y, c, true));
    });
    range(l, rows[1], os[2], y -> range(l, 0, os[3], c -> checked.emit(y, c, true)));
  }

  /**
   * The first pass in vectors: row[x] = the maximum of the kh input rows from {@code top} at x,
   * a vector of {@code width} columns at a time; the last vector's columns past the input's
   * {@code columns} read {@code lowest} (masked reads).
   */
  private static void rowPass(Loops l, Value x, List<Value> iv, Value top, long kh, Value row, long columns, int width, Value lowest) {
    rowPass(l, x, iv, top, kh, row, 0, columns, width, lowest, true);
  }

  /**
   * As above, with input column x at {@code row[start + x]} ({@code start} a multiple of the
   * width, so that the stores stay aligned) and {@code x} read at {@code plane}, row, column.
   */
  private static void rowPass(Loops l, Value x, List<Value> plane, Value top, long kh, Value row, long start, long columns, int width, Value lowest,
      boolean max) {
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    java.util.function.BiConsumer<Value, Boolean> chunk = (x0, masked) -> {
      Value m = null;
      for (int i = 0; i < kh; i++) {
        List<Value> at = new ArrayList<>(plane);
        at.add(l.add(top, l.index(i)));
        at.add(x0);
        Value v = masked ? TransferReadOp.create(l.builder(), l.location(), vt, x, at, lowest, false).result()
            : LoadOp.create(l.builder(), l.location(), vt, x, at).result();
        m = m == null ? v : combine(l, max, m, v);
      }
      StoreOp.create(l.builder(), l.location(), m, row, List.of(start == 0 ? x0 : l.add(x0, l.index(start))));
    };
    range(l, 0, columns / width, cv -> chunk.accept(l.mul(cv, l.index(width)), false));
    if (columns % width != 0) chunk.accept(l.index(columns / width * width), true);
  }

  /**
   * The second pass in vectors over the interior columns [cols[0], cols[1]) of output row
   * {@code at} = [image, channel, y]: a vector of {@code width} outputs takes the maximum of kw
   * neighbours in the row buffer, read as whole vectors at stride 1; at stride 2 each pair of
   * vectors is split into its even and odd lanes (vector.shuffle), which serve two taps. The
   * last vector is written masked at the end of the output row; its lanes in the right border
   * are written again by the border's outputs after it.
   */
  private static void columnPass(Loops l, Value row, Value out, List<Value> at, long[] cols, long stride, long pad, long kw, int width) {
    columnPass(l, row, out, at, cols, stride, pad, kw, width, true, null);
  }

  /** As above, or the sums divided by {@code divisor}'s vector for the outputs from j0 when not {@code max}. */
  private static void columnPass(Loops l, Value row, Value out, List<Value> at, long[] cols, long stride, long pad, long kw, int width,
      boolean max, java.util.function.UnaryOperator<Value> divisor) {
    long offset = leftOffset(cols, stride, pad, width);
    long outputs = shape(out)[3];
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    long[] even = new long[width];
    long[] odd = new long[width];
    for (int i = 0; i < width; i++) {
      even[i] = 2L * i;
      odd[i] = 2L * i + 1;
    }
    long chunks = Math.ceilDiv(cols[1] - cols[0], width);
    // Vectors that end inside the output row are plain stores; the one past its end is masked.
    long whole = Math.min(chunks, Math.max(0, (outputs - cols[0]) / width));
    java.util.function.BiConsumer<Value, Boolean> chunk = (j0, masked) -> {
      Value left = l.sub(l.mul(j0, l.index(stride)), l.index(pad));
      List<Value> taps = new ArrayList<>();
      // The row buffer is read in whole vectors at the multiples of the width, where the first
      // pass has just stored them, and the taps are cut from those in registers: a load
      // across two of those stores stalls store-to-load forwarding (256 x 27 x 27 -> 13 x 13
      // at stride 2 took 37 us, 2.6 times ONNX Runtime's; 192 x 28 x 28 at stride 1, 149 us,
      // 6 times). The window's left edge is offset from a multiple by the same lanes in every
      // vector of outputs.
      Value base = offset == 0 ? left : l.sub(left, l.index(offset));
      Value a = LoadOp.create(l.builder(), l.location(), vt, row, List.of(base)).result();
      Value b = LoadOp.create(l.builder(), l.location(), vt, row, List.of(l.add(base, l.index(width)))).result();
      if (stride == 1) {
        // Tap t: lanes offset + t on of the vectors from base (a third one when they reach it).
        Value c = offset + kw - 1 > width ? LoadOp.create(l.builder(), l.location(), vt, row, List.of(l.add(base, l.index(2L * width)))).result() : null;
        for (int t = 0; t < kw; t++) {
          long first = offset + t;
          if (first % width == 0) {
            taps.add(first == 0 ? a : b);
            continue;
          }
          long[] mask = new long[width];
          for (int i = 0; i < width; i++) mask[i] = first % width + i;
          taps.add(ShuffleOp.create(l.builder(), l.location(), first < width ? a : b, first < width ? b : c, mask).result());
        }
      } else {
        // The two vectors' even and odd lanes; tap t (lane offset + t = 2s + p) is lanes p moved
        // down by s, the last s lanes from a third vector's.
        Value[] lanes = {ShuffleOp.create(l.builder(), l.location(), a, b, even).result(), ShuffleOp.create(l.builder(), l.location(), a, b, odd).result()};
        Value c = offset + kw > 2 ? LoadOp.create(l.builder(), l.location(), vt, row, List.of(l.add(base, l.index(2L * width)))).result() : null;
        for (int t = 0; t < kw; t++) {
          long shift = (offset + t) / 2;
          int parity = (int) ((offset + t) % 2);
          if (shift == 0) {
            taps.add(lanes[parity]);
            continue;
          }
          long[] mask = new long[width];
          for (int i = 0; i < width; i++) mask[i] = i < width - shift ? i + shift : width + 2L * (i - width + shift) + parity;
          taps.add(ShuffleOp.create(l.builder(), l.location(), lanes[parity], c, mask).result());
        }
      }
      Value m = taps.getFirst();
      for (int t = 1; t < taps.size(); t++) m = combine(l, max, m, taps.get(t));
      if (!max) m = dev.sol.dialect.arith.DivFOp.create(l.builder(), l.location(), m, divisor.apply(j0)).result();
      List<Value> idx = new ArrayList<>(at);
      idx.add(j0);
      if (masked) TransferWriteOp.create(l.builder(), l.location(), m, out, idx, false);
      else StoreOp.create(l.builder(), l.location(), m, out, idx);
    };
    range(l, 0, whole, cv -> chunk.accept(l.add(l.index(cols[0]), l.mul(cv, l.index(width))), false));
    if (whole < chunks) chunk.accept(l.index(cols[0] + whole * width), true);
  }

  /** Lanes from a multiple of the width to the left edge of the first interior output's window (the same for every vector of outputs). */
  private static long leftOffset(long[] cols, long stride, long pad, int width) {
    return Math.floorMod(cols[0] * stride - pad, width);
  }

  /** max(a, b) for max pooling, a + b for averages. */
  private static Value combine(Loops l, boolean max, Value a, Value b) {
    return max ? l.maxWithNaN(a, b) : l.add(a, b);
  }

  /** Whether the taps of a window whose left edge is {@code offset} lanes into a vector fit the vectors {@link #columnPass} reads. */
  private static boolean tapsFit(long offset, long stride, long kw, int width) {
    return stride == 1 ? offset + kw - 1 <= 2L * width - 1 && kw <= width + 1 : (offset + kw - 1) / 2 <= width / 2;
  }

  /**
   * Max pooling (or sums for averages, {@code max} false) of one plane entirely in vectors,
   * padding included: the row buffer holds the input row from {@code left} on (a multiple of the
   * width at least the left padding, so its stores stay aligned) between runs of
   * {@code identity} (-inf for max, 0 for sums), so that every output
   * column, the border's too, reads its window from the buffer; each output row's first pass
   * takes only the window rows inside the input (the border rows, unrolled, fewer of them).
   * Border outputs computed one at a time with checks took most of a small plane's time
   * (192 x 28 x 28, 3 x 3, stride 1, padding 1: 149 us, ONNX Runtime 24 us).
   */
  private static void planeInVectors(PoolOp op, Loops l, Value x, Value out, Value identity, List<Value> iv, int width, long left, boolean max) {
    long[] xs = shape(x);
    long[] os = shape(out);
    long[] k = op.kernelShape();
    long[] st = op.strides();
    long[] pd = op.pads();
    Value row = rowBuffer(op, l, xs[3], os[3], identity, width);
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    long[] rows = PlaneWindows.interior(os[2], xs[2], st[0], 1, pd[0], k[0]);
    Value counts = max || op.countIncludePad() ? null : columnCounts(l, op, xs[3], os[3], width);
    java.util.function.BiConsumer<Value, long[]> outputRow = (y, window) -> {
      // window = {first input row (a constant, or -1: y * stride - pad), rows}
      Value top = window[0] >= 0 ? l.index(window[0]) : l.sub(l.mul(y, l.index(st[0])), l.index(pd[0]));
      rowPass(l, x, iv, top, window[1], row, left, xs[3], width, identity, max);
      // An average divides by the window's size (count_include_pad; without ceil_mode every
      // window lies inside the padded input), or by its rows inside times its columns inside.
      java.util.function.UnaryOperator<Value> divisor = counts == null
          ? j0 -> BroadcastOp.create(l.builder(), l.location(), vt, l.constant(k[0] * k[1], FloatType.F32)).result()
          : j0 -> dev.sol.dialect.arith.MulFOp.create(l.builder(), l.location(), LoadOp.create(l.builder(), l.location(), vt, counts, List.of(j0)).result(),
              BroadcastOp.create(l.builder(), l.location(), vt, l.constant(window[1], FloatType.F32)).result()).result();
      columnPass(l, row, out, List.of(iv.get(0), iv.get(1), y), new long[] {0, os[3]}, st[1], pd[1] - left, k[1], width, max, divisor);
    };
    java.util.function.LongConsumer border = y -> {
      long top = y * st[0] - pd[0];
      long first = Math.max(0, top);
      long last = Math.min(xs[2], top + k[0]);
      if (last > first) outputRow.accept(l.index(y), new long[] {first, last - first});
      else range(l, 0, os[3], c -> l.store(identity, out, List.of(iv.get(0), iv.get(1), l.index(y), c)));
    };
    for (long y = 0; y < rows[0]; y++) border.accept(y);
    range(l, rows[0], rows[1], y -> outputRow.accept(y, new long[] {-1, k[0]}));
    for (long y = rows[1]; y < os[2]; y++) border.accept(y);
  }

  /** Per output column, its window's columns inside the input (at least 1), as f32, in a buffer of whole vectors. */
  private static Value columnCounts(Loops l, PoolOp op, long columns, long outputs, int width) {
    long length = Math.ceilDiv(outputs, width) * width;
    long kw = op.kernelShape()[1];
    long st = op.strides()[1];
    long pd = op.pads()[1];
    Value counts = dev.sol.dialect.memref.AllocaOp.create(l.builder(), l.location(), new MemRefType(new long[] {length}, FloatType.F32)).result();
    l.forEach(new long[] {length}, c -> {
      Value left = l.sub(l.mul(c.getFirst(), l.index(st)), l.index(pd));
      Value inside = l.sub(l.minsi(l.add(left, l.index(kw)), l.index(columns)), l.maxsi(left, l.index(0)));
      Value count = l.maxsi(inside, l.index(1));
      Value asInteger = dev.sol.dialect.arith.IndexCastOp.create(l.builder(), l.location(), count, new IntegerType(64, IntegerType.Signedness.SIGNLESS)).result();
      l.store(l.sitofp(asInteger, FloatType.F32), counts, c);
    });
    return counts;
  }

  /** A loop over [from, to), or nothing when it is empty. */
  private static void range(Loops l, long from, long to, java.util.function.Consumer<Value> body) {
    if (from >= to) return;
    l.forEach(new long[] {to - from}, v -> body.accept(from == 0 ? v.getFirst() : l.add(v.getFirst(), l.index(from))));
  }

  /** The output (y, x) of plane iv of a 2-D pooling: its taps unrolled, checked where {@code checked}. */
  private static PlaneWindows.Output output(PoolOp op, Loops l, Value x, Value out, boolean max, Value lowest, PlaneWindows plane, List<Value> iv) {
    long[] xs = shape(x);
    long[] kernel = op.kernelShape();
    long[] pd = op.pads();
    boolean countPad = op.countIncludePad();
    Type t = element(x);
    Type sum = max ? t : accumulator(t);
    return (y, col, checked) -> {
      Value acc = max ? lowest : l.constant(0, sum);
      Value count = max ? null : l.constant(checked ? 0 : product(kernel), sum);
      for (int i = 0; i < kernel[0]; i++) {
        for (int j = 0; j < kernel[1]; j++) {
          PlaneWindows.Tap tap = plane.tap(l, y, col, i, j, checked);
          Value v = widened(l, l.load(x, List.of(iv.get(0), iv.get(1), tap.iy(), tap.ix())), sum);
          Value next = max ? l.maxWithNaN(acc, v) : l.add(acc, v);
          acc = tap.inside() == null ? next : l.select(tap.inside(), next, acc);
          if (!max && checked) {
            Value counted = countPad ? l.and(l.inRange(tap.rawY(), -pd[0], xs[2] + pd[2]), l.inRange(tap.rawX(), -pd[1], xs[3] + pd[3]))
                : tap.inside();
            count = l.select(counted, l.add(count, l.constant(1, sum)), count);
          }
        }
      }
      l.store(max ? acc : narrowed(l, l.div(acc, count), t), out, List.of(iv.get(0), iv.get(1), y, col));
    };
  }

  /** The smallest value of the nn element type {@code element} as a scalar of {@code t}: the identity of max. */
  private static Value lowest(Loops l, Type element, Type t) {
    return element instanceof IntegerType ? l.integer(Integers.lowest(element), t) : l.constant(Double.NEGATIVE_INFINITY, t);
  }

  private record Windowed(List<Value> indices, Value inside) {}

  /** The input position of a window element; {@code inside} is null when it is always inside. */
  private static Windowed window(Loops l, List<Value> iv, List<Value> kv, long[] xs, long[] st, long[] dl, long[] pd, boolean countPadded) {
    int dims = xs.length - 2;
    List<Value> xi = new ArrayList<>(List.of(iv.get(0), iv.get(1)));
    Value inside = null;
    for (int d = 0; d < dims; d++) {
      Value pos = l.add(l.mul(iv.get(d + 2), l.index(st[d])), l.mul(kv.get(d), l.index(dl[d])));
      pos = l.sub(pos, l.index(pd[d]));
      long lo = countPadded ? -pd[d] : 0;
      long hi = countPadded ? xs[d + 2] + pd[d + dims] : xs[d + 2];
      inside = l.and(inside, l.inRange(pos, lo, hi));
      xi.add(l.clamp(pos, xs[d + 2]));
    }
    return new Windowed(xi, inside);
  }
}
