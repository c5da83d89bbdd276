package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.LayerNormOp;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;

/**
 * nn.layer_norm: per outer position, one reduction for the mean, one for the variance, then
 * a loop that normalizes, scales and shifts; mean and 1/stddev are stored when they are used.
 */
public final class LayerNormLowering extends NnLowering<LayerNormOp> {
  public LayerNormLowering(Buffers buffers) {
    super(LayerNormOp.class, LayerNormOp.SPEC, buffers);
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
    l.parallelForEach(outer, 3 * n, iv -> {
      Function<List<Value>, List<Value>> full = kv -> {
        List<Value> idx = new ArrayList<>(iv.subList(0, axis));
        idx.addAll(kv);
        return idx;
      };
      Value sum = l.reduce(inner, l.constant(0, t), (kv, a) -> l.add(a, l.load(x, full.apply(kv))));
      Value mean = l.div(sum, l.constant(n, t));
      Value sq = l.reduce(inner, l.constant(0, t), (kv, a) -> {
        Value d = l.sub(l.load(x, full.apply(kv)), mean);
        return l.add(a, l.mul(d, d));
      });
      Value inv = l.rsqrt(l.add(l.div(sq, l.constant(n, t)), l.constant(eps, t)));
      l.forEach(inner, kv -> {
        List<Value> idx = full.apply(kv);
        Value v = l.mul(l.mul(l.sub(l.load(x, idx), mean), inv), l.load(scale, broadcastIndices(l, scale, kv, inner)));
        if (bias != null) v = l.add(v, l.load(bias, broadcastIndices(l, bias, kv, inner)));
        l.store(v, out.getFirst(), idx);
      });
      if (out.size() > 1) l.store(CastLowering.convert(l, mean, mean.type(), element(out.get(1))), out.get(1), iv);
      if (out.size() > 2) l.store(CastLowering.convert(l, inv, inv.type(), element(out.get(2))), out.get(2), iv);
    });
  }
}
