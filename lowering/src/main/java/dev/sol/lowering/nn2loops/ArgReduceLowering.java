package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpFPredicate;
import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.arith.IndexCastOp;
import dev.sol.dialect.nn.ArgReduceOp;
import dev.sol.dialect.nn.Integers;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import java.util.ArrayList;
import java.util.List;

/**
 * nn.argmax and nn.argmin: per output position, a loop along the axis that carries the best
 * element so far and its index, replacing them when an element is larger (smaller), or equal
 * too with select_last_index; a NaN replaces a number and is never replaced, as the
 * interpreter (and ONNX Runtime) has it. Integers compare signed or unsigned by their nn type.
 */
public final class ArgReduceLowering<T extends ArgReduceOp> extends NnLowering<T> {
  public ArgReduceLowering(Class<T> type, OpSpec spec, Buffers buffers) {
    super(type, spec, buffers);
  }

  @Override protected void lower(T op, Loops l, List<Value> in, List<Value> out) {
    Value x = in.getFirst();
    long[] xs = shape(x);
    int axis = op.axis();
    long len = xs[axis];
    long[] outer = xs.clone();
    outer[axis] = 1;
    Type element = nnElement(op, 0);
    boolean floats = element instanceof FloatType;
    boolean unsigned = !floats && Integers.isUnsigned(element);
    boolean max = op.max();
    boolean last = op.lastIndex();
    l.parallelForEach(outer, len, iv -> {
      java.util.function.Function<Value, List<Value>> at = j -> {
        List<Value> idx = new ArrayList<>(iv);
        idx.set(axis, j);
        return idx;
      };
      Value first = l.load(x, at.apply(l.index(0)));
      List<Value> best = l.iterate(len - 1, List.of(first, l.index(0)), (j, acc) -> {
        Value position = l.add(j, l.index(1));
        Value v = l.load(x, at.apply(position));
        Value b = acc.get(0);
        Value better;
        if (floats) {
          CmpFPredicate p = max ? (last ? CmpFPredicate.OGE : CmpFPredicate.OGT) : (last ? CmpFPredicate.OLE : CmpFPredicate.OLT);
          Value nan = l.and(l.cmp(CmpFPredicate.UNO, v, v), l.cmp(CmpFPredicate.ORD, b, b));
          better = l.or(l.cmp(p, v, b), nan);
        } else {
          CmpIPredicate p = max ? (last ? (unsigned ? CmpIPredicate.UGE : CmpIPredicate.SGE) : (unsigned ? CmpIPredicate.UGT : CmpIPredicate.SGT))
              : (last ? (unsigned ? CmpIPredicate.ULE : CmpIPredicate.SLE) : (unsigned ? CmpIPredicate.ULT : CmpIPredicate.SLT));
          better = l.cmp(p, v, b);
        }
        return List.of(l.select(better, v, b), l.select(better, position, acc.get(1)));
      });
      Value index = IndexCastOp.create(l.builder(), l.location(), best.get(1), IntegerType.I64).result();
      List<Value> o = new ArrayList<>(iv);
      if (!op.keepDims()) o.remove(axis);
      l.store(index, out.getFirst(), o);
    });
  }
}
