package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.Integers;
import dev.sol.dialect.nn.ReduceOp;
import dev.sol.dialect.nn.Reductions;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.FloatType;
import dev.sol.ir.IntegerType;
import dev.sol.ir.MemRefType;
import dev.sol.ir.VectorType;
import dev.sol.ir.OpSpec;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.dialect.memref.ExpandShapeOp;
import dev.sol.dialect.scf.ForOp;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.dialect.vector.ExtractOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.ShuffleOp;
import dev.sol.dialect.vector.StoreOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.dialect.vector.TransferWriteOp;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * nn.reduce_*: per kept position, one loop nest over the reduced axes carrying the
 * accumulator. Integer sums and products wrap, a mean divides with the {@link Loops}'
 * signedness, max and min start from the type's extremes.
 */
public final class ReduceLowering<T extends ReduceOp> extends NnLowering<T> {
  private final TargetDescription target;

  public ReduceLowering(Class<T> type, OpSpec spec, Buffers buffers, TargetDescription target) {
    super(type, spec, buffers);
    this.target = target;
  }

  @Override protected void lower(T op, Loops l, List<Value> ins, List<Value> out) {
    Value in = ins.getFirst();
    long[] s = shape(in);
    long[] axes = op.axes();
    boolean[] reduced = new boolean[s.length];
    if (axes == null || axes.length == 0) Arrays.fill(reduced, true);
    else for (long a : axes) reduced[Reductions.axis(a, s.length)] = true;
    long[] kept = new long[s.length];
    long[] red = new long[s.length];
    long count = 1;
    for (int d = 0; d < s.length; d++) {
      kept[d] = reduced[d] ? 1 : s[d];
      red[d] = reduced[d] ? s[d] : 1;
      if (reduced[d]) count *= s[d];
    }
    boolean keepDims = op.keepDims();
    Reductions.Kind kind = op.kind();
    Type t = element(in);
    Type element = nnElement(op, 0);
    double init = switch (kind) {
      case MAX -> Double.NEGATIVE_INFINITY;
      case MIN -> Double.POSITIVE_INFINITY;
      case PROD -> 1;
      case SUM, MEAN -> 0;
    };
    long total = count;
    int width = target.vectorWidth();
    if ((kind == Reductions.Kind.SUM || kind == Reductions.Kind.MEAN) && t.equals(FloatType.F32) && width > 1 && count >= width
        && trailing(reduced)) {
      vectorSums(l, in, out.getFirst(), reduced, count, kind == Reductions.Kind.MEAN, width);
      return;
    }
    long[] block = columnBlock(reduced);
    if (t.equals(FloatType.F32) && width > 1 && block != null && columns(l, in, out.getFirst(), block, kind, init, width)) return;
    Type c = accumulator(t);
    l.parallelForEach(kept, total, iv -> {
      Value start = !(element instanceof IntegerType) ? l.constant(init, c) : switch (kind) {
        case MAX -> l.integer(Integers.lowest(element), t);
        case MIN -> l.integer(Integers.highest(element), t);
        case PROD, SUM, MEAN -> l.constant(init, t);
      };
      Value acc = l.reduce(red, start, (kv, a) -> {
        List<Value> idx = new ArrayList<>();
        for (int d = 0; d < s.length; d++) idx.add(reduced[d] ? kv.get(d) : iv.get(d));
        return combine(l, kind, a, widened(l, l.load(in, idx), c));
      });
      if (kind == Reductions.Kind.MEAN) acc = l.div(acc, l.constant(total, c));
      List<Value> dst = new ArrayList<>();
      for (int d = 0; d < s.length; d++) if (keepDims || !reduced[d]) dst.add(iv.get(d));
      l.store(narrowed(l, acc, t), out.getFirst(), dst);
    });
  }

  /**
   * The lanes of {@code acc} (a vector of {@code width} lanes, a power of two) combined by
   * {@code op} in a tree of halves (vector.shuffle): the low half with the high half, until
   * one lane is left, which is returned as a scalar.
   */
  static Value acrossLanes(Loops l, Value acc, int width, java.util.function.BinaryOperator<Value> op) {
    for (int half = width / 2; half >= 1; half /= 2) {
      long[] low = new long[half];
      long[] high = new long[half];
      for (int k = 0; k < half; k++) {
        low[k] = k;
        high[k] = half + k;
      }
      acc = op.apply(ShuffleOp.create(l.builder(), l.location(), acc, acc, low).result(), ShuffleOp.create(l.builder(), l.location(), acc, acc, high).result());
    }
    return ExtractOp.create(l.builder(), l.location(), acc, 0).result();
  }

  /** Whether the reduced axes are the last ones (the kept ones before them), so that each output sums one contiguous run. */
  private static boolean trailing(boolean[] reduced) {
    int d = reduced.length;
    while (d > 0 && reduced[d - 1]) d--;
    for (int e = 0; e < d; e++) if (reduced[e]) return false;
    return d < reduced.length;
  }

  /**
   * The reduced axes [first, end) when they are one run of axes with kept ones after it (as
   * the channels of NCHW are), else null.
   */
  private static long[] columnBlock(boolean[] reduced) {
    int first = 0;
    while (first < reduced.length && !reduced[first]) first++;
    int end = first;
    while (end < reduced.length && reduced[end]) end++;
    if (first == end || end == reduced.length) return null;
    for (int d = end; d < reduced.length; d++) if (reduced[d]) return null;
    return new long[] {first, end};
  }

  /** Vectors of accumulators carried through the reduced rows by one block of columns ({@link #columns}). */
  private static final int COLUMN_VECTORS = 8;

  /**
   * An f32 reduction over a run of axes with kept axes after it (a mean over the channels of
   * NCHW, as a channels-first layer norm written out has; a max over them, as channel attention
   * has): the input as [outer, count, inner], each block of {@link #COLUMN_VECTORS} vectors of
   * consecutive inner columns carried through the count rows in registers, one plain vector
   * load per row (the last vector of a row masked). The scalar loops read one element per
   * output and row, a row apart: 0.12 ms for a mean over 96 channels at 56 x 56. Each output
   * still combines its inputs in row order, as the scalar loops did, so the results are the
   * same bit for bit. False, and nothing emitted, when the kept part after the run is shorter
   * than a vector.
   */
  private static boolean columns(Loops l, Value in, Value out, long[] block, Reductions.Kind kind, double init, int width) {
    long[] s = shape(in);
    long outer = Tensor.count(Arrays.copyOfRange(s, 0, (int) block[0]));
    long count = Tensor.count(Arrays.copyOfRange(s, (int) block[0], (int) block[1]));
    long inner = Tensor.count(Arrays.copyOfRange(s, (int) block[1], s.length));
    if (inner < width) return false;
    Value rows = ExpandShapeOp.create(l.builder(), l.location(), new MemRefType(new long[] {outer, count, inner}, FloatType.F32), l.flatten(in),
        new int[] {0, 1, 2}).result();
    Value results = ExpandShapeOp.create(l.builder(), l.location(), new MemRefType(new long[] {outer, inner}, FloatType.F32), l.flatten(out),
        new int[] {0, 1}).result();
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    long span = (long) COLUMN_VECTORS * width;
    long blocks = inner / span;
    ColumnBlock emitBlock = (o, first, vectors, last) -> {
      Value start = BroadcastOp.create(l.builder(), l.location(), vt, l.constant(init, FloatType.F32)).result();
      List<Value> starts = Collections.nCopies(vectors, start);
      ForOp loop = ForOp.create(l.builder(), l.location(), l.index(0), l.index(count), l.index(1), starts, (in2, r, acc) -> {
        List<Value> next = new ArrayList<>();
        for (int k = 0; k < vectors; k++) {
          List<Value> at = List.of(o, r, l.add(first, l.index((long) k * width)));
          Value v = last && (k + 1L) * width > inner % span ? TransferReadOp.create(l.builder(), l.location(), vt, rows, at, l.constant(0, FloatType.F32), false).result()
              : LoadOp.create(l.builder(), l.location(), vt, rows, at).result();
          next.add(combine(l, kind, acc.get(k), v));
        }
        return next;
      });
      Value divisor = kind == Reductions.Kind.MEAN ? BroadcastOp.create(l.builder(), l.location(), vt, l.constant(count, FloatType.F32)).result() : null;
      for (int k = 0; k < vectors; k++) {
        Value v = loop.results().get(k);
        if (divisor != null) v = l.div(v, divisor);
        List<Value> at = List.of(o, l.add(first, l.index((long) k * width)));
        if (last && (k + 1L) * width > inner % span) TransferWriteOp.create(l.builder(), l.location(), v, results, at, false);
        else StoreOp.create(l.builder(), l.location(), v, results, at);
      }
    };
    if (blocks > 0) {
      l.parallelForEach(new long[] {outer, blocks}, count * span, iv -> emitBlock.emit(iv.get(0), l.mul(iv.get(1), l.index(span)), COLUMN_VECTORS, false));
    }
    long rest = inner - blocks * span;
    if (rest > 0) {
      l.parallelForEach(new long[] {outer}, count * rest, iv -> emitBlock.emit(iv.getFirst(), l.index(blocks * span), (int) Math.ceilDiv(rest, width), true));
    }
    return true;
  }

  /** The loops of one block of columns of {@link #columns}: output row o, {@code vectors} vectors from column first; the last block's last vector is masked. */
  private interface ColumnBlock {
    void emit(Value o, Value first, int vectors, boolean last);
  }

  /** acc combined with v as the reduction {@code kind} combines (a sum for a mean). */
  private static Value combine(Loops l, Reductions.Kind kind, Value acc, Value v) {
    return switch (kind) {
      case MAX -> l.maxWithNaN(acc, v);
      case MIN -> l.min(acc, v);
      case PROD -> l.mul(acc, v);
      case SUM, MEAN -> l.add(acc, v);
    };
  }

  /**
   * f32 sums (and means) over the trailing axes in vectors: per output, the run of
   * {@code count} inputs is added a vector at a time into a vector of partial sums (the last
   * vector read masked at the end of the run, zeros past it), whose lanes are then added in a
   * tree of halves (vector.shuffle). One scalar chain of 169 dependent additions per channel made
   * SqueezeNet's global average pool 3x ONNX Runtime's time. The order of the additions is
   * fixed at compile time, so results are the same run to run; they differ from a serial sum
   * in rounding.
   */
  private static void vectorSums(Loops l, Value in, Value out, boolean[] reduced, long count, boolean mean, int width) {
    long[] s = shape(in);
    int keptDims = 0;
    while (!reduced[keptDims]) keptDims++;
    long outer = 1;
    for (int d = 0; d < keptDims; d++) outer *= s[d];
    Value rows = ExpandShapeOp.create(l.builder(), l.location(), new MemRefType(new long[] {outer, count}, FloatType.F32), l.flatten(in),
        new int[] {0, 1}).result();
    Value results = l.flatten(out);
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    l.parallelForEach(new long[] {outer}, count, iv -> {
      Value row = iv.getFirst();
      Value zero = BroadcastOp.create(l.builder(), l.location(), vt, l.constant(0, FloatType.F32)).result();
      long full = count / width;
      ForOp loop = ForOp.create(l.builder(), l.location(), l.index(0), l.index(full), l.index(1), List.of(zero), (in2, c, acc) -> {
        Value v = LoadOp.create(l.builder(), l.location(), vt, rows, List.of(row, l.mul(c, l.index(width)))).result();
        return List.of(l.add(acc.getFirst(), v));
      });
      Value acc = loop.results().getFirst();
      if (count % width != 0) {
        Value v = TransferReadOp.create(l.builder(), l.location(), vt, rows, List.of(row, l.index(full * width)), l.constant(0, FloatType.F32), false)
            .result();
        acc = l.add(acc, v);
      }
      Value sum = acrossLanes(l, acc, width, l::add);
      if (mean) sum = l.div(sum, l.constant(count, FloatType.F32));
      l.store(sum, results, List.of(row));
    });
  }
}
