package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.NegOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.neg: arith.negf, or 0 - x on integers. */
public final class NegLowering extends UnaryElementwiseLowering<NegOp> {
  public NegLowering(Buffers buffers) {
    super(NegOp.class, NegOp.SPEC, buffers);
  }

  @Override protected Value scalar(NegOp op, Loops l, Value x) {
    return l.neg(x);
  }
}
