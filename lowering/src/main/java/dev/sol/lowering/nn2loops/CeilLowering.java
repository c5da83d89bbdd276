package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.CeilOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.ceil: math.ceil. */
public final class CeilLowering extends UnaryElementwiseLowering<CeilOp> {
  public CeilLowering(Buffers buffers) {
    super(CeilOp.class, CeilOp.SPEC, buffers);
  }

  @Override protected Value scalar(CeilOp op, Loops l, Value x) {
    return l.ceil(x);
  }
}
