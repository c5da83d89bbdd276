package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.RoundOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.round: math.roundeven. */
public final class RoundLowering extends UnaryElementwiseLowering<RoundOp> {
  public RoundLowering(Buffers buffers) {
    super(RoundOp.class, RoundOp.SPEC, buffers);
  }

  @Override protected Value scalar(RoundOp op, Loops l, Value x) {
    return l.roundEven(x);
  }
}
