package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.ReluOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.relu: max(x, 0) (on unsigned integers maxui, which keeps x). */
public final class ReluLowering extends UnaryElementwiseLowering<ReluOp> {
  public ReluLowering(Buffers buffers) {
    super(ReluOp.class, ReluOp.SPEC, buffers);
  }

  @Override protected Value scalar(ReluOp op, Loops l, Value x) {
    return l.maxWithBound(x, l.constant(0, x.type()));
  }
}
