package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpFPredicate;
import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.arith.IndexCastOp;
import dev.sol.dialect.nn.Integers;
import dev.sol.dialect.nn.TopKOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import java.util.ArrayList;
import java.util.List;

/**
 * nn.top_k: per position outside the axis, k rounds along it, each taking the element that
 * comes first in the op's order (larger, or smaller, first; NaN as the largest; the smaller
 * index among equals) among those that come after the one the round before took. No scratch
 * and no sort: k x length comparisons, few for the k of a classifier's top 5 or a detector's
 * top 100 over a few thousand scores.
 */
public final class TopKLowering extends NnLowering<TopKOp> {
  public TopKLowering(Buffers buffers) {
    super(TopKOp.class, TopKOp.SPEC, buffers);
  }

  @Override protected void lower(TopKOp op, Loops l, List<Value> in, List<Value> out) {
    Value x = in.getFirst();
    long[] xs = shape(x);
    int axis = op.axis();
    long len = xs[axis];
    long k = op.k();
    if (k == 0) return;
    long[] outer = xs.clone();
    outer[axis] = 1;
    Order order = new Order(l, nnElement(op, 0), op.largest());
    l.parallelForEach(outer, k * len, iv -> {
      java.util.function.Function<Value, List<Value>> at = j -> {
        List<Value> idx = new ArrayList<>(iv);
        idx.set(axis, j);
        return idx;
      };
      Value none = l.index(-1);
      Value start = l.load(x, at.apply(l.index(0)));
      l.iterate(k, List.of(start, none), (r, previous) -> {
        Value prevV = previous.get(0);
        Value prevI = previous.get(1);
        Value first = l.cmp(CmpIPredicate.SLT, prevI, l.index(0));
        List<Value> best = l.iterate(len, List.of(start, none), (j, acc) -> {
          Value v = l.load(x, at.apply(j));
          Value after = l.or(order.before(prevV, v), l.and(order.same(prevV, v), l.cmp(CmpIPredicate.SLT, prevI, j)));
          Value eligible = l.or(first, after);
          Value better = l.and(eligible, l.or(l.cmp(CmpIPredicate.SLT, acc.get(1), l.index(0)), order.before(v, acc.get(0))));
          return List.of(l.select(better, v, acc.get(0)), l.select(better, j, acc.get(1)));
        });
        l.store(best.get(0), out.get(0), at.apply(r));
        l.store(IndexCastOp.create(l.builder(), l.location(), best.get(1), IntegerType.I64).result(), out.get(1), at.apply(r));
        return best;
      });
    });
  }

  /** The op's order on elements: which of two comes strictly first, and whether they tie. */
  private record Order(Loops l, Type element, boolean largest) {
    Value before(Value a, Value b) {
      if (element instanceof FloatType) {
        // NaN is the largest: first when the largest come first, last otherwise.
        Value nanA = l.cmp(CmpFPredicate.UNO, a, a);
        Value nanB = l.cmp(CmpFPredicate.UNO, b, b);
        return largest ? l.or(l.cmp(CmpFPredicate.OGT, a, b), l.and(nanA, l.cmp(CmpFPredicate.ORD, b, b)))
            : l.or(l.cmp(CmpFPredicate.OLT, a, b), l.and(l.cmp(CmpFPredicate.ORD, a, a), nanB));
      }
      boolean unsigned = Integers.isUnsigned(element);
      return l.cmp(largest ? (unsigned ? CmpIPredicate.UGT : CmpIPredicate.SGT) : (unsigned ? CmpIPredicate.ULT : CmpIPredicate.SLT), a, b);
    }

    Value same(Value a, Value b) {
      if (element instanceof FloatType) return l.or(l.cmp(CmpFPredicate.OEQ, a, b), l.and(l.cmp(CmpFPredicate.UNO, a, a), l.cmp(CmpFPredicate.UNO, b, b)));
      return l.cmp(CmpIPredicate.EQ, a, b);
    }
  }
}
