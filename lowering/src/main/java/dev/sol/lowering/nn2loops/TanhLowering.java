package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.TanhOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.tanh: math.tanh. */
public final class TanhLowering extends UnaryElementwiseLowering<TanhOp> {
  public TanhLowering(Buffers buffers) {
    super(TanhOp.class, TanhOp.SPEC, buffers);
  }

  @Override protected Value scalar(TanhOp op, Loops l, Value x) {
    return l.tanh(x);
  }
}
