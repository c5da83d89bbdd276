package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.BatchNormOp;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.List;

/** nn.batch_norm (inference): (x - mean) * rsqrt(var + epsilon) * scale + bias, per channel. */
public final class BatchNormLowering extends NnLowering<BatchNormOp> {
  public BatchNormLowering(Buffers buffers) {
    super(BatchNormOp.class, BatchNormOp.SPEC, buffers);
  }

  @Override protected void lower(BatchNormOp op, Loops l, List<Value> in, List<Value> out) {
    Value x = in.get(0);
    requireFloat(op);
    Type t = element(x);
    double eps = op.epsilon();
    l.parallelForEach(shape(out.getFirst()), 1, iv -> {
      List<Value> c = List.of(iv.get(1));
      Value inv = l.rsqrt(l.add(l.load(in.get(4), c), l.constant(eps, t)));
      Value norm = l.mul(l.sub(l.load(x, iv), l.load(in.get(3), c)), inv);
      l.store(l.add(l.mul(norm, l.load(in.get(1), c)), l.load(in.get(2), c)), out.getFirst(), iv);
    });
  }
}
