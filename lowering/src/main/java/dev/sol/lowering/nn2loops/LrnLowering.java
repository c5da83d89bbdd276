package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.LrnOp;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.List;

/** nn.lrn: x / (bias + alpha / size * sum of squares over size neighbouring channels)^beta. */
public final class LrnLowering extends NnLowering<LrnOp> {
  public LrnLowering(Buffers buffers) {
    super(LrnOp.class, LrnOp.SPEC, buffers);
  }

  @Override protected void lower(LrnOp op, Loops l, List<Value> in, List<Value> out) {
    Value x = in.getFirst();
    requireFloat(op);
    long[] s = shape(x);
    long c = s[1];
    long size = op.size();
    Type t = element(x);
    double alpha = op.alpha();
    double beta = op.beta();
    double bias = op.bias();
    long reach = (size - 1) / 2;
    // A window reaching past every channel on both sides covers them all, whatever its size:
    // 2C - 1 taps centred on the channel do the same work as size taps would (size stays in alpha / size).
    boolean coversAll = reach >= c - 1 && size - 1 - reach >= c - 1;
    long taps = coversAll ? Math.max(1, 2 * c - 1) : size;
    long before = coversAll ? c - 1 : reach;
    // f16 and bf16 go in f32 (see accumulator), rounded once at the store.
    Type wide = accumulator(t);
    l.parallelForEach(s, taps, iv -> {
      Value sq = l.reduce(new long[] {taps}, l.constant(0, wide), (kv, a) -> {
        Value ch = l.sub(l.add(iv.get(1), kv.get(0)), l.index(before));
        Value ok = l.inRange(ch, 0, c);
        Value v = widened(l, l.load(x, at(iv, 1, l.clamp(ch, c))), wide);
        return l.select(ok, l.add(a, l.mul(v, v)), a);
      });
      Value denom = l.powf(l.add(l.constant(bias, wide), l.mul(sq, l.constant(alpha / size, wide))), l.constant(beta, wide));
      l.store(narrowed(l, l.div(widened(l, l.load(x, iv), wide), denom), t), out.getFirst(), iv);
    });
  }
}
