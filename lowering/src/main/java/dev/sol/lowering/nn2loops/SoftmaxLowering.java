package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.SoftmaxLikeOp;
import dev.sol.ir.OpSpec;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.List;

/**
 * nn.softmax and nn.log_softmax along one axis: per position of the other axes, a reduction
 * for the maximum, one for the sum of exponentials of the shifted values, then a loop that
 * writes exp(x - max) / sum, or (x - max) - log(sum).
 */
public final class SoftmaxLowering<T extends SoftmaxLikeOp> extends NnLowering<T> {
  public SoftmaxLowering(Class<T> type, OpSpec spec, Buffers buffers) {
    super(type, spec, buffers);
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
    l.parallelForEach(outer, 3 * n, iv -> {
      Value m = l.reduce(new long[] {n}, l.constant(Double.NEGATIVE_INFINITY, t), (k, acc) -> l.max(acc, l.load(in, at(iv, axis, k.get(0)))));
      Value sum = l.reduce(new long[] {n}, l.constant(0, t), (k, acc) -> l.add(acc, l.exp(l.sub(l.load(in, at(iv, axis, k.get(0))), m))));
      Value scale = log ? l.log(sum) : l.div(l.constant(1, t), sum);
      l.forEach(new long[] {n}, k -> {
        List<Value> idx = at(iv, axis, k.get(0));
        Value shifted = l.sub(l.load(in, idx), m);
        l.store(log ? l.sub(shifted, scale) : l.mul(l.exp(shifted), scale), out.getFirst(), idx);
      });
    });
  }
}
