package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.SigmoidOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.sigmoid: 1 / (1 + e^-x). */
public final class SigmoidLowering extends UnaryElementwiseLowering<SigmoidOp> {
  public SigmoidLowering(Buffers buffers) {
    super(SigmoidOp.class, SigmoidOp.SPEC, buffers);
  }

  @Override protected Value scalar(SigmoidOp op, Loops l, Value x) {
    return l.div(l.constant(1, x.type()), l.add(l.constant(1, x.type()), l.exp(l.neg(x))));
  }
}
