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
    requireFloat(op);
    l.parallelForEach(shape(out.getFirst()), 1, iv -> l.store(normalize(op, l, in, iv), out.getFirst(), iv));
  }

  /** The normalized element at {@code iv} of the buffers {@code in} (x, scale, bias, mean, var). */
  static Value normalize(BatchNormOp op, Loops l, List<Value> in, List<Value> iv) {
    Value x = in.get(0);
    Type t = ((dev.sol.ir.MemRefType) x.type()).element();
    List<Value> c = List.of(iv.get(1));
    Value inv = l.rsqrt(l.add(l.load(in.get(4), c), l.constant(op.epsilon(), t)));
    Value norm = l.mul(l.sub(l.load(x, iv), l.load(in.get(3), c)), inv);
    return l.add(l.mul(norm, l.load(in.get(1), c)), l.load(in.get(2), c));
  }
}
