package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.AbsOp;
import dev.sol.dialect.nn.Integers;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.abs: math.absf; on signed integers max(x, 0 - x), on unsigned ones x itself. */
public final class AbsLowering extends UnaryElementwiseLowering<AbsOp> {
  public AbsLowering(Buffers buffers) {
    super(AbsOp.class, AbsOp.SPEC, buffers);
  }

  @Override protected Value scalar(AbsOp op, Loops l, Value x) {
    if (Loops.isFloat(x)) return l.abs(x);
    return Integers.isUnsigned(nnElement(op, 0)) ? x : l.max(x, l.neg(x));
  }
}
