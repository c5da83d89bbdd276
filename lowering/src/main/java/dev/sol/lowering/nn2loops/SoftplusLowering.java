package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.SoftplusOp;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.softplus: max(x, 0) + log(1 + exp(-|x|)), which does not overflow for large x. */
public final class SoftplusLowering extends UnaryElementwiseLowering<SoftplusOp> {
  public SoftplusLowering(Buffers buffers) {
    super(SoftplusOp.class, SoftplusOp.SPEC, buffers);
  }

  @Override protected Value scalar(SoftplusOp op, Loops l, Value x) {
    Type t = x.type();
    Value e = l.exp(l.neg(l.abs(x)));
    return l.add(l.max(x, l.constant(0, t)), l.log(l.add(l.constant(1, t), e)));
  }
}
