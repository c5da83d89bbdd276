package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.ErfOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.erf: math.erf. */
public final class ErfLowering extends UnaryElementwiseLowering<ErfOp> {
  public ErfLowering(Buffers buffers) {
    super(ErfOp.class, ErfOp.SPEC, buffers);
  }

  @Override protected Value scalar(ErfOp op, Loops l, Value x) {
    return l.erf(x);
  }
}
