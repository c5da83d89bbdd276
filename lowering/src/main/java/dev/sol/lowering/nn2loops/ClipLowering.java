package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.ClipOp;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.clip: x clamped to [min, max]; an absent bound costs nothing. */
public final class ClipLowering extends UnaryElementwiseLowering<ClipOp> {
  public ClipLowering(Buffers buffers) {
    super(ClipOp.class, ClipOp.SPEC, buffers);
  }

  @Override protected Value scalar(ClipOp op, Loops l, Value x) {
    Type t = x.type();
    Value r = x;
    if (op.min() != Double.NEGATIVE_INFINITY) r = l.max(r, l.constant(op.min(), t));
    if (op.max() != Double.POSITIVE_INFINITY) r = l.min(r, l.constant(op.max(), t));
    return r;
  }
}
