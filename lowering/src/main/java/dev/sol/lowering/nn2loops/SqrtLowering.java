package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.SqrtOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.sqrt: math.sqrt. */
public final class SqrtLowering extends UnaryElementwiseLowering<SqrtOp> {
  public SqrtLowering(Buffers buffers) {
    super(SqrtOp.class, SqrtOp.SPEC, buffers);
  }

  @Override protected Value scalar(SqrtOp op, Loops l, Value x) {
    return l.sqrt(x);
  }
}
