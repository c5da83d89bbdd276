package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.FloorOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.floor: math.floor. */
public final class FloorLowering extends UnaryElementwiseLowering<FloorOp> {
  public FloorLowering(Buffers buffers) {
    super(FloorOp.class, FloorOp.SPEC, buffers);
  }

  @Override protected Value scalar(FloorOp op, Loops l, Value x) {
    return l.floor(x);
  }
}
