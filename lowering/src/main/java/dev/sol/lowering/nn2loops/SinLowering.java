package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.SinOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.sin: math.sin. */
public final class SinLowering extends UnaryElementwiseLowering<SinOp> {
  public SinLowering(Buffers buffers) {
    super(SinOp.class, SinOp.SPEC, buffers);
  }

  @Override protected Value scalar(SinOp op, Loops l, Value x) {
    return l.sin(x);
  }
}
