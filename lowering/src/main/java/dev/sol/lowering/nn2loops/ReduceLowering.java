package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.Integers;
import dev.sol.dialect.nn.ReduceOp;
import dev.sol.dialect.nn.Reductions;
import dev.sol.ir.IntegerType;
import dev.sol.ir.OpSpec;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * nn.reduce_*: per kept position, one loop nest over the reduced axes carrying the
 * accumulator. Integer sums and products wrap, a mean divides with the {@link Loops}'
 * signedness, max and min start from the type's extremes.
 */
public final class ReduceLowering<T extends ReduceOp> extends NnLowering<T> {
  public ReduceLowering(Class<T> type, OpSpec spec, Buffers buffers) {
    super(type, spec, buffers);
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
    l.parallelForEach(kept, total, iv -> {
      Value start = !(element instanceof IntegerType) ? l.constant(init, t) : switch (kind) {
        case MAX -> l.integer(Integers.lowest(element), t);
        case MIN -> l.integer(Integers.highest(element), t);
        case PROD, SUM, MEAN -> l.constant(init, t);
      };
      Value acc = l.reduce(red, start, (kv, a) -> {
        List<Value> idx = new ArrayList<>();
        for (int d = 0; d < s.length; d++) idx.add(reduced[d] ? kv.get(d) : iv.get(d));
        Value v = l.load(in, idx);
        return switch (kind) {
          case MAX -> l.max(a, v);
          case MIN -> l.min(a, v);
          case PROD -> l.mul(a, v);
          case SUM, MEAN -> l.add(a, v);
        };
      });
      if (kind == Reductions.Kind.MEAN) acc = l.div(acc, l.constant(total, t));
      List<Value> dst = new ArrayList<>();
      for (int d = 0; d < s.length; d++) if (keepDims || !reduced[d]) dst.add(iv.get(d));
      l.store(acc, out.getFirst(), dst);
    });
  }
}
