package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.ExpOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.exp: math.exp. */
public final class ExpLowering extends UnaryElementwiseLowering<ExpOp> {
  public ExpLowering(Buffers buffers) {
    super(ExpOp.class, ExpOp.SPEC, buffers);
  }

  @Override protected Value scalar(ExpOp op, Loops l, Value x) {
    return l.exp(x);
  }
}
