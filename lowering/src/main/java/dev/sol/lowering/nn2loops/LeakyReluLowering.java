package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpFPredicate;
import dev.sol.dialect.nn.LeakyReluOp;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.leaky_relu: x < 0 ? alpha * x : x. */
public final class LeakyReluLowering extends UnaryElementwiseLowering<LeakyReluOp> {
  public LeakyReluLowering(Buffers buffers) {
    super(LeakyReluOp.class, LeakyReluOp.SPEC, buffers);
  }

  @Override protected Value scalar(LeakyReluOp op, Loops l, Value x) {
    Type t = x.type();
    return l.select(l.cmp(CmpFPredicate.OLT, x, l.constant(0, t)), l.mul(x, l.constant(op.alpha(), t)), x);
  }
}
