package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.ReciprocalOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.reciprocal: 1 / x. */
public final class ReciprocalLowering extends UnaryElementwiseLowering<ReciprocalOp> {
  public ReciprocalLowering(Buffers buffers) {
    super(ReciprocalOp.class, ReciprocalOp.SPEC, buffers);
  }

  @Override protected Value scalar(ReciprocalOp op, Loops l, Value x) {
    return l.div(l.constant(1, x.type()), x);
  }
}
