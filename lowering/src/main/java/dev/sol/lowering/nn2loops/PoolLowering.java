package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.Integers;
import dev.sol.dialect.nn.PoolOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import java.util.ArrayList;
import java.util.List;

/**
 * nn.max_pool and nn.avg_pool: per output element, a reduction over the window; padded
 * positions read a clamped address and keep the accumulator. Averages divide by a second
 * reduction that counts the positions (padded ones too with count_include_pad).
 */
public final class PoolLowering<T extends PoolOp> extends NnLowering<T> {
  public PoolLowering(Class<T> type, OpSpec spec, Buffers buffers) {
    super(type, spec, buffers);
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
      planes(op, l, x, out.getFirst(), max, lowest(l, element, t));
      return;
    }
    l.parallelForEach(shape(out.getFirst()), (max ? 1 : 2) * product(kernel), iv -> {
      Value acc = l.reduce(kernel, max ? lowest(l, element, t) : l.constant(0, t), (kv, s) -> {
        Windowed wv = window(l, iv, kv, xs, st, dl, pd, false);
        Value v = l.load(x, wv.indices);
        Value next = max ? l.max(s, v) : l.add(s, v);
        return wv.inside == null ? next : l.select(wv.inside, next, s);
      });
      if (!max) {
        Value count = l.reduce(kernel, l.constant(0, t), (kv, s) -> {
          Windowed wv = window(l, iv, kv, xs, st, dl, pd, countPad);
          Value next = l.add(s, l.constant(1, t));
          return wv.inside == null ? next : l.select(wv.inside, next, s);
        });
        acc = l.div(acc, count);
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
  private static void planes(PoolOp op, Loops l, Value x, Value out, boolean max, Value lowest) {
    long[] xs = shape(x);
    long[] os = shape(out);
    long[] kernel = op.kernelShape();
    PlaneWindows plane = new PlaneWindows(xs[2], xs[3], os[2], os[3], kernel, op.strides(), op.dilations(), op.pads());
    long[] dl = op.dilations();
    boolean separable = max && kernel[0] > 1 && dl[0] == 1 && dl[1] == 1;
    l.parallelForEach(new long[] {os[0], os[1]}, os[2] * os[3] * product(kernel), iv -> {
      PlaneWindows.Output output = output(op, l, x, out, max, lowest, plane, iv);
      if (separable) separableMax(op, l, x, out, lowest, iv, output);
      else plane.forEach(l, output);
    });
  }

  /**
   * Max pooling of one plane (image iv[0], channel iv[1]) in two passes for the interior rows:
   * each output row's window rows are reduced into one row first (the maximum down the kh input
   * rows, along the whole row: contiguous loads that LLVM vectorizes), then each output takes the
   * maximum of kw neighbours of that row. A 3 x 3 window with stride 2 reads 3 inputs per output
   * in each pass instead of 9 strided ones (SqueezeNet's pools: 3x the time of ONNX Runtime's
   * before). The border keeps the checked outputs of {@link PlaneWindows}.
   */
  private static void separableMax(PoolOp op, Loops l, Value x, Value out, Value lowest, List<Value> iv, PlaneWindows.Output checked) {
    long[] xs = shape(x);
    long[] os = shape(out);
    long[] k = op.kernelShape();
    long[] st = op.strides();
    long[] pd = op.pads();
    long[] rows = PlaneWindows.interior(os[2], xs[2], st[0], 1, pd[0], k[0]);
    long[] cols = PlaneWindows.interior(os[3], xs[3], st[1], 1, pd[1], k[1]);
    Value row = dev.sol.dialect.memref.AllocaOp.create(l.builder(), l.location(), new MemRefType(new long[] {xs[3]}, element(x))).result();
    range(l, 0, rows[0], y -> range(l, 0, os[3], c -> checked.emit(y, c, true)));
    range(l, rows[0], rows[1], y -> {
      Value top = l.sub(l.mul(y, l.index(st[0])), l.index(pd[0]));
      l.forEach(new long[] {xs[3]}, cv -> {
        Value m = lowest;
        for (int i = 0; i < k[0]; i++) m = l.max(m, l.load(x, List.of(iv.get(0), iv.get(1), l.add(top, l.index(i)), cv.getFirst())));
        l.store(m, row, cv);
      });
      range(l, 0, cols[0], c -> checked.emit(y, c, true));
      range(l, cols[0], cols[1], c -> {
        Value left = l.sub(l.mul(c, l.index(st[1])), l.index(pd[1]));
        Value m = lowest;
        for (int j = 0; j < k[1]; j++) m = l.max(m, l.load(row, List.of(l.add(left, l.index(j)))));
        l.store(m, out, List.of(iv.get(0), iv.get(1), y, c));
      });
      range(l, cols[1], os[3], c -> checked.emit(y, c, true));
    });
    range(l, rows[1], os[2], y -> range(l, 0, os[3], c -> checked.emit(y, c, true)));
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
    return (y, col, checked) -> {
      Value acc = max ? lowest : l.constant(0, t);
      Value count = max ? null : l.constant(checked ? 0 : product(kernel), t);
      for (int i = 0; i < kernel[0]; i++) {
        for (int j = 0; j < kernel[1]; j++) {
          PlaneWindows.Tap tap = plane.tap(l, y, col, i, j, checked);
          Value v = l.load(x, List.of(iv.get(0), iv.get(1), tap.iy(), tap.ix()));
          Value next = max ? l.max(acc, v) : l.add(acc, v);
          acc = tap.inside() == null ? next : l.select(tap.inside(), next, acc);
          if (!max && checked) {
            Value counted = countPad ? l.and(l.inRange(tap.rawY(), -pd[0], xs[2] + pd[2]), l.inRange(tap.rawX(), -pd[1], xs[3] + pd[3]))
                : tap.inside();
            count = l.select(counted, l.add(count, l.constant(1, t)), count);
          }
        }
      }
      l.store(max ? acc : l.div(acc, count), out, List.of(iv.get(0), iv.get(1), y, col));
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
