package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.HardSwishOp;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.hard_swish: x * hard_sigmoid(x) with alpha 1/6 and beta 0.5. */
public final class HardSwishLowering extends UnaryElementwiseLowering<HardSwishOp> {
  public HardSwishLowering(Buffers buffers) {
    super(HardSwishOp.class, HardSwishOp.SPEC, buffers);
  }

  @Override protected Value scalar(HardSwishOp op, Loops l, Value x) {
    Type t = x.type();
    return l.mul(x, HardSigmoidLowering.unitClamp(l, l.add(l.mul(x, l.constant(1.0 / 6, t)), l.constant(0.5, t))));
  }
}
