package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.HardSigmoidOp;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.hard_sigmoid: alpha * x + beta clamped to [0, 1]. */
public final class HardSigmoidLowering extends UnaryElementwiseLowering<HardSigmoidOp> {
  public HardSigmoidLowering(Buffers buffers) {
    super(HardSigmoidOp.class, HardSigmoidOp.SPEC, buffers);
  }

  @Override protected Value scalar(HardSigmoidOp op, Loops l, Value x) {
    Type t = x.type();
    return unitClamp(l, l.add(l.mul(x, l.constant(op.alpha(), t)), l.constant(op.beta(), t)));
  }

  /** {@code v} clamped to [0, 1]. */
  static Value unitClamp(Loops l, Value v) {
    Type t = v.type();
    return l.maxWithBound(l.minWithBound(v, l.constant(1, t)), l.constant(0, t));
  }
}
