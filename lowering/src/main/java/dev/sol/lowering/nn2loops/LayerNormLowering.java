package dev.sol.lowering.nn2loops;

import dev.sol.dialect.memref.ExpandShapeOp;
import dev.sol.dialect.nn.LayerNormOp;
import dev.sol.dialect.scf.ForOp;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.StoreOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.dialect.vector.TransferWriteOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;

/**
 * nn.layer_norm: per outer position, one reduction for the mean, one for the variance, then
 * a loop that normalizes, scales and shifts; mean and 1/stddev are stored when they are used.
 * On a target with vectors, f32 rows whose scale and bias span the whole normalized part go
 * in vectors ({@link #vectorRows}).
 */
public final class LayerNormLowering extends NnLowering<LayerNormOp> {
  private final TargetDescription target;

  public LayerNormLowering(Buffers buffers, TargetDescription target) {
    super(LayerNormOp.class, LayerNormOp.SPEC, buffers);
    this.target = target;
  }

  @Override protected void lower(LayerNormOp op, Loops l, List<Value> in, List<Value> out) {
    Value x = in.get(0);
    requireFloat(op);
    long[] s = shape(x);
    int axis = op.axis();
    long[] outer = s.clone();
    long[] inner = Arrays.copyOfRange(s, axis, s.length);
    for (int d = axis; d < s.length; d++) outer[d] = 1;
    long n = type(x).numElements() / Math.max(1, LongStream.of(outer).reduce(1, (p, q) -> p * q));
    Type t = element(x);
    double eps = op.epsilon();
    Value scale = in.get(1);
    Value bias = in.size() > 2 ? in.get(2) : null;
    if (vectorizes(op, target)) {
      vectorRows(l, x, unitScale(op.operand(1)) ? null : scale, bias, out, n, eps, target.vectorWidth(), null);
      return;
    }
    l.parallelForEach(outer, 3 * n, iv -> {
      Function<List<Value>, List<Value>> full = kv -> {
        List<Value> idx = new ArrayList<>(iv.subList(0, axis));
        idx.addAll(kv);
        return idx;
      };
      // Floats narrower than f32 are computed in f32 (see accumulator), rounded at the stores.
      Type c = accumulator(t);
      Function<List<Value>, Value> load = idx -> widened(l, l.load(x, idx), c);
      Value sum = l.reduce(inner, l.constant(0, c), (kv, a) -> l.add(a, load.apply(full.apply(kv))));
      Value mean = l.div(sum, l.constant(n, c));
      Value sq = l.reduce(inner, l.constant(0, c), (kv, a) -> {
        Value d = l.sub(load.apply(full.apply(kv)), mean);
        return l.add(a, l.mul(d, d));
      });
      Value inv = l.rsqrt(l.add(l.div(sq, l.constant(n, c)), l.constant(eps, c)));
      l.forEach(inner, kv -> {
        List<Value> idx = full.apply(kv);
        Value v = l.mul(l.mul(l.sub(load.apply(idx), mean), inv), widened(l, l.load(scale, broadcastIndices(l, scale, kv, inner)), c));
        if (bias != null) v = l.add(v, widened(l, l.load(bias, broadcastIndices(l, bias, kv, inner)), c));
        l.store(narrowed(l, v, t), out.getFirst(), idx);
      });
      if (out.size() > 1) l.store(CastLowering.convert(l, mean, mean.type(), element(out.get(1))), out.get(1), iv);
      if (out.size() > 2) l.store(CastLowering.convert(l, inv, inv.type(), element(out.get(2))), out.get(2), iv);
    });
  }

  /**
   * Whether {@code op} goes by {@link #vectorRows} on target {@code t}: f32 rows of at least a
   * vector whose scale and bias span the whole normalized part.
   */
  static boolean vectorizes(LayerNormOp op, TargetDescription t) {
    ShapedType x = (ShapedType) op.operand(0).type();
    long n = normalized(op);
    int width = t.vectorWidth();
    return width > 1 && Long.bitCount(width) == 1 && x.element().equals(FloatType.F32) && n >= width
        && ((ShapedType) op.operand(1).type()).numElements() == n && (op.numOperands() < 3 || ((ShapedType) op.operand(2).type()).numElements() == n);
  }

  /**
   * Whether a layer norm's scale {@code scale} is a constant of ones (an InstanceNormalization's,
   * whose per-channel scale comes after it): then the rows are not multiplied by it, nor is it read.
   */
  static boolean unitScale(Value scale) {
    return scale.definingOp() instanceof dev.sol.dialect.nn.ConstantOp c && c.value().isSplat() && c.value().getDouble(0) == 1.0;
  }

  /**
   * What {@link #vectorRows} applies to each normalized vector of a row before it is stored:
   * made once per row (at row index {@code row}, the rows numbered across the outer axes), it
   * maps a vector to the vector stored.
   */
  @FunctionalInterface
  interface RowEpilogue {
    java.util.function.UnaryOperator<Value> forRow(Loops l, Value row);
  }

  /**
   * {@code op} (which {@link #vectorizes}) in vectors, each normalized vector passed through
   * {@code epilogue} before it is stored into {@code out} (its only result); {@code scale} null
   * where it is ones ({@link #unitScale}).
   */
  static void vectorRows(LayerNormOp op, Loops l, Value x, Value scale, Value bias, Value out, TargetDescription t, RowEpilogue epilogue) {
    vectorRows(l, x, scale, bias, List.of(out), normalized(op), op.epsilon(), t.vectorWidth(), epilogue);
  }

  /** The elements {@code op} normalizes together: the product of its axes from {@code axis} on. */
  private static long normalized(LayerNormOp op) {
    long[] s = ((ShapedType) op.operand(0).type()).shape();
    long n = 1;
    for (int d = op.axis(); d < s.length; d++) n *= s[d];
    return n;
  }

  /** Vector accumulators of the sums: independent chains, so that the adds' latency overlaps. */
  private static final int CHAINS = 4;

  /**
   * f32 rows in vectors, each row (the n normalized elements, contiguous) by one thread: the sum
   * and then the sum of squared deviations in {@link #CHAINS} vector accumulators (the last
   * vector masked, zeros past the row), combined in a fixed order and across lanes by a tree of
   * halves; then the row normalized, scaled and shifted a vector at a time. One scalar chain of
   * dependent additions per row made an InstanceNormalization over 256 x 256 pixels take 3
   * times ONNX Runtime's time. The order of the additions is fixed at compile time, so results
   * are the same run to run and on any number of threads.
   */
  private static void vectorRows(Loops l, Value x, Value scale, Value bias, List<Value> out, long n, double eps, int width, RowEpilogue epilogue) {
    long rowsCount = type(x).numElements() / n;
    Value rows = ExpandShapeOp.create(l.builder(), l.location(), new MemRefType(new long[] {rowsCount, n}, FloatType.F32), l.flatten(x),
        new int[] {0, 1}).result();
    Value results = ExpandShapeOp.create(l.builder(), l.location(), new MemRefType(new long[] {rowsCount, n}, FloatType.F32),
        l.flatten(out.getFirst()), new int[] {0, 1}).result();
    Value scales = scale == null ? null : l.flatten(scale);
    Value biases = bias == null ? null : l.flatten(bias);
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    long full = n / width;
    l.parallelForEach(new long[] {rowsCount}, 3 * n, iv -> {
      Value row = iv.getFirst();
      Value sum = rowSum(l, rows, row, n, width, null);
      Value mean = l.div(sum, l.constant(n, FloatType.F32));
      Value sq = rowSum(l, rows, row, n, width, mean);
      Value inv = l.rsqrt(l.add(l.div(sq, l.constant(n, FloatType.F32)), l.constant(eps, FloatType.F32)));
      Value means = BroadcastOp.create(l.builder(), l.location(), vt, mean).result();
      Value invs = BroadcastOp.create(l.builder(), l.location(), vt, inv).result();
      java.util.function.UnaryOperator<Value> after = epilogue == null ? v -> v : epilogue.forRow(l, row);
      java.util.function.BiConsumer<Value, Boolean> normalize = (at, masked) -> {
        Value zero = l.constant(0, FloatType.F32);
        Value v = masked ? TransferReadOp.create(l.builder(), l.location(), vt, rows, List.of(row, at), zero, false).result()
            : LoadOp.create(l.builder(), l.location(), vt, rows, List.of(row, at)).result();
        Value y = l.mul(l.sub(v, means), invs);
        if (scales != null) {
          y = l.mul(y, masked ? TransferReadOp.create(l.builder(), l.location(), vt, scales, List.of(at), zero, false).result()
              : LoadOp.create(l.builder(), l.location(), vt, scales, List.of(at)).result());
        }
        if (biases != null) {
          y = l.add(y, masked ? TransferReadOp.create(l.builder(), l.location(), vt, biases, List.of(at), zero, false).result()
              : LoadOp.create(l.builder(), l.location(), vt, biases, List.of(at)).result());
        }
        y = after.apply(y);
        if (masked) TransferWriteOp.create(l.builder(), l.location(), y, results, List.of(row, at), false);
        else StoreOp.create(l.builder(), l.location(), y, results, List.of(row, at));
      };
      ForOp.create(l.builder(), l.location(), l.index(0), l.index(full), l.index(1), List.of(), (in, c, args) -> {
        normalize.accept(l.mul(c, l.index(width)), false);
        return List.of();
      });
      if (n % width != 0) normalize.accept(l.index(full * width), true);
      List<Value> idx = List.of(row);
      if (out.size() > 1) l.store(mean, l.flatten(out.get(1)), idx);
      if (out.size() > 2) l.store(inv, l.flatten(out.get(2)), idx);
    });
  }

  /** The sum of row {@code row}'s n elements, or of their squared deviations from {@code mean} when it is not null. */
  private static Value rowSum(Loops l, Value rows, Value row, long n, int width, Value mean) {
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    Value zero = l.constant(0, FloatType.F32);
    Value means = mean == null ? null : BroadcastOp.create(l.builder(), l.location(), vt, mean).result();
    java.util.function.BiFunction<Value, Value, Value> term = (acc, v) -> {
      if (means == null) return l.add(acc, v);
      Value d = l.sub(v, means);
      return l.add(acc, l.mul(d, d));
    };
    long vectors = n / width;
    long groups = vectors / CHAINS;
    List<Value> init = new ArrayList<>();
    for (int i = 0; i < CHAINS; i++) init.add(BroadcastOp.create(l.builder(), l.location(), vt, zero).result());
    List<Value> acc = new ArrayList<>(ForOp.create(l.builder(), l.location(), l.index(0), l.index(groups), l.index(1), init, (in, g, a) -> {
      List<Value> next = new ArrayList<>();
      for (int i = 0; i < CHAINS; i++) {
        Value at = l.add(l.mul(g, l.index((long) CHAINS * width)), l.index((long) i * width));
        next.add(term.apply(a.get(i), LoadOp.create(l.builder(), l.location(), vt, rows, List.of(row, at)).result()));
      }
      return next;
    }).results());
    for (long v = groups * CHAINS; v < vectors; v++) {
      acc.set(0, term.apply(acc.getFirst(), LoadOp.create(l.builder(), l.location(), vt, rows, List.of(row, l.index(v * width))).result()));
    }
    if (n % width != 0) {
      // Past the row the read gives the padding: 0 for the sum, the mean for the squared
      // deviations, so that those lanes add nothing either way.
      Value tail = TransferReadOp.create(l.builder(), l.location(), vt, rows, List.of(row, l.index(vectors * width)), mean == null ? zero : mean,
          false).result();
      acc.set(0, term.apply(acc.getFirst(), tail));
    }
    Value total = l.add(l.add(acc.get(0), acc.get(1)), l.add(acc.get(2), acc.get(3)));
    return ReduceLowering.acrossLanes(l, total, width, l::add);
  }
}
