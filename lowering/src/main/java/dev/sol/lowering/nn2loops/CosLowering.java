package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.CosOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.cos: math.cos. */
public final class CosLowering extends UnaryElementwiseLowering<CosOp> {
  public CosLowering(Buffers buffers) {
    super(CosOp.class, CosOp.SPEC, buffers);
  }

  @Override protected Value scalar(CosOp op, Loops l, Value x) {
    return l.cos(x);
  }
}
