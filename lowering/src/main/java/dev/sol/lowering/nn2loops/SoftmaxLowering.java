package dev.sol.lowering.nn2loops;

import dev.sol.dialect.memref.ExpandShapeOp;
import dev.sol.dialect.nn.SoftmaxLikeOp;
import dev.sol.dialect.scf.ForOp;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.StoreOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.dialect.vector.TransferWriteOp;
import dev.sol.ir.FloatType;
import dev.sol.ir.MemRefType;
import dev.sol.ir.OpSpec;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.ir.VectorType;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * nn.softmax and nn.log_softmax along one axis: per position of the other axes, a reduction
 * for the maximum, one for the sum of exponentials of the shifted values, then a loop that
 * writes exp(x - max) / sum, or (x - max) - log(sum).
 *
 * <p>On f32 along a contiguous axis (the last one, or only extent-1 axes after it) at least a
 * vector long, each row goes in vectors ({@link #vectorRows}): the scalar form's reductions
 * do not vectorize (their order is fixed) and computed every exponential twice; a transformer
 * head's softmax over 80 x 6625 took 2.4 ms there, against ONNX Runtime's 0.14 ms.
 */
public final class SoftmaxLowering<T extends SoftmaxLikeOp> extends NnLowering<T> {
  private final TargetDescription target;

  public SoftmaxLowering(Class<T> type, OpSpec spec, Buffers buffers, TargetDescription target) {
    super(type, spec, buffers);
    this.target = target;
  }

  @Override protected void lower(T op, Loops l, List<Value> ins, List<Value> out) {
    Value in = ins.getFirst();
    requireFloat(op);
    int axis = op.axis();
    boolean log = op.isLog();
    long[] s = shape(in);
    long[] outer = s.clone();
    outer[axis] = 1;
    Type t = element(in);
    long n = s[axis];
    long after = 1;
    for (int d = axis + 1; d < s.length; d++) after *= s[d];
    int width = target.vectorWidth();
    if (t.equals(FloatType.F32) && width > 1 && Integer.bitCount(width) == 1 && after == 1 && n >= width) {
      vectorRows(l, in, out.getFirst(), type(in).numElements() / n, n, width, log);
      return;
    }
    // Floats narrower than f32 are computed in f32 and rounded once at the store (see
    // accumulator): a log softmax over 65536 f16 values summed in f16 came out 2.6 too high.
    Type c = accumulator(t);
    Function<List<Value>, Value> load = idx -> widened(l, l.load(in, idx), c);
    l.parallelForEach(outer, 3 * n, iv -> {
      Value m = l.reduce(new long[] {n}, l.constant(Double.NEGATIVE_INFINITY, c), (k, acc) -> l.maxWithNaN(acc, load.apply(at(iv, axis, k.get(0)))));
      Value sum = l.reduce(new long[] {n}, l.constant(0, c), (k, acc) -> l.add(acc, l.exp(l.sub(load.apply(at(iv, axis, k.get(0))), m))));
      Value scale = log ? l.log(sum) : l.div(l.constant(1, c), sum);
      l.forEach(new long[] {n}, k -> {
        List<Value> idx = at(iv, axis, k.get(0));
        Value shifted = l.sub(load.apply(idx), m);
        Value v = log ? l.sub(shifted, scale) : l.mul(l.exp(shifted), scale);
        l.store(narrowed(l, v, t), out.getFirst(), idx);
      });
    });
  }

  /**
   * Softmax of {@code rows} contiguous rows of {@code n} f32 values, each in three passes of
   * vectors of {@code width} lanes (the last vector of a row read and written masked, its
   * lanes past the row read as -inf, whose exponential is 0): the maximum; exp(x - max) stored
   * to the output while its sum accumulates (log: only summed); then the output scaled by
   * 1 / sum (log: x - max - log(sum)). The lanes are combined in a fixed tree, so results are
   * the same run to run.
   */
  private static void vectorRows(Loops l, Value in, Value out, long rows, long n, int width, boolean log) {
    MemRefType matrix = new MemRefType(new long[] {rows, n}, FloatType.F32);
    Value x = ExpandShapeOp.create(l.builder(), l.location(), matrix, l.flatten(in), new int[] {0, 1}).result();
    Value y = ExpandShapeOp.create(l.builder(), l.location(), matrix, l.flatten(out), new int[] {0, 1}).result();
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    long full = n / width;
    boolean tail = n % width != 0;
    l.parallelForEach(new long[] {rows}, 3 * n, iv -> {
      Value row = iv.getFirst();
      Value minusInf = l.constant(Double.NEGATIVE_INFINITY, FloatType.F32);
      Function<Value, Value> splat = v -> BroadcastOp.create(l.builder(), l.location(), vt, v).result();
      Function<Value, Value> load = c -> LoadOp.create(l.builder(), l.location(), vt, x, List.of(row, l.mul(c, l.index(width)))).result();
      Value tailAt = l.index(full * width);
      Value maxima = fold(l, full, splat.apply(minusInf), (acc, c) -> l.maxWithNaN(acc, load.apply(c)), l::maxWithNaN);
      if (tail) maxima = l.maxWithNaN(maxima, TransferReadOp.create(l.builder(), l.location(), vt, x, List.of(row, tailAt), minusInf, false).result());
      Value max = ReduceLowering.acrossLanes(l, maxima, width, l::maxWithNaN);
      Value shift = splat.apply(max);
      Value sums = fold(l, full, splat.apply(l.constant(0, FloatType.F32)), (acc, c) -> {
        Value e = l.exp(l.sub(load.apply(c), shift));
        if (!log) StoreOp.create(l.builder(), l.location(), e, y, List.of(row, l.mul(c, l.index(width))));
        return l.add(acc, e);
      }, l::add);
      if (tail) {
        Value e = l.exp(l.sub(TransferReadOp.create(l.builder(), l.location(), vt, x, List.of(row, tailAt), minusInf, false).result(), shift));
        if (!log) TransferWriteOp.create(l.builder(), l.location(), e, y, List.of(row, tailAt), false);
        sums = l.add(sums, e);
      }
      Value sum = ReduceLowering.acrossLanes(l, sums, width, l::add);
      // The last pass: softmax scales what the second stored, log-softmax shifts the input once more.
      Value source = log ? x : y;
      Value factor = splat.apply(log ? l.log(sum) : l.div(l.constant(1, FloatType.F32), sum));
      Function<Value, Value> finish = v -> log ? l.sub(l.sub(v, shift), factor) : l.mul(v, factor);
      ForOp.create(l.builder(), l.location(), l.index(0), l.index(full), l.index(1), List.of(), (b, c, a) -> {
        List<Value> at = List.of(row, l.mul(c, l.index(width)));
        StoreOp.create(l.builder(), l.location(), finish.apply(LoadOp.create(l.builder(), l.location(), vt, source, at).result()), y, at);
        return List.of();
      });
      if (tail) {
        Value v = TransferReadOp.create(l.builder(), l.location(), vt, source, List.of(row, tailAt), l.constant(0, FloatType.F32), false).result();
        TransferWriteOp.create(l.builder(), l.location(), finish.apply(v), y, List.of(row, tailAt), false);
      }
    });
  }

  /** Independent accumulators of {@link #fold}. */
  private static final int WAYS = 4;

  /**
   * A fold over {@code full} vectors: {@code step(accumulator, vector number)} from
   * {@code init}, in {@link #WAYS} accumulators (vector v goes to accumulator v mod WAYS), those
   * used combined at the end in a fixed tree. With one accumulator each vector waited on the one
   * before (a max with its NaN check, some 4 cycles), and the row's maximum took half the time of
   * a softmax over 80 x 6625.
   */
  private static Value fold(Loops l, long full, Value init, BiFunction<Value, Value, Value> step, BinaryOperator<Value> combine) {
    long groups = full / WAYS;
    List<Value> sums = new ArrayList<>(Collections.nCopies(WAYS, init));
    if (groups > 0) {
      sums = new ArrayList<>(ForOp.create(l.builder(), l.location(), l.index(0), l.index(groups), l.index(1), sums, (b, g, a) -> {
        List<Value> next = new ArrayList<>(a);
        for (int j = 0; j < WAYS; j++) next.set(j, step.apply(a.get(j), l.add(l.mul(g, l.index(WAYS)), l.index(j))));
        return next;
      }).results());
    }
    for (long v = groups * WAYS; v < full; v++) sums.set((int) (v % WAYS), step.apply(sums.get((int) (v % WAYS)), l.index(v)));
    List<Value> used = sums.subList(0, (int) Math.min(full, WAYS));
    if (used.isEmpty()) return init;
    while (used.size() > 1) {
      List<Value> pairs = new ArrayList<>();
      for (int i = 0; i + 1 < used.size(); i += 2) pairs.add(combine.apply(used.get(i), used.get(i + 1)));
      if (used.size() % 2 == 1) pairs.add(used.getLast());
      used = pairs;
    }
    return used.getFirst();
  }
}
