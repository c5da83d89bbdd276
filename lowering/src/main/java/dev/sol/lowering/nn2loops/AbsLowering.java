package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.AbsOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.abs: math.absf. */
public final class AbsLowering extends UnaryElementwiseLowering<AbsOp> {
  public AbsLowering(Buffers buffers) {
    super(AbsOp.class, AbsOp.SPEC, buffers);
  }

  @Override protected Value scalar(AbsOp op, Loops l, Value x) {
    return l.abs(x);
  }
}
