package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.LogOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/** nn.log: math.log. */
public final class LogLowering extends UnaryElementwiseLowering<LogOp> {
  public LogLowering(Buffers buffers) {
    super(LogOp.class, LogOp.SPEC, buffers);
  }

  @Override protected Value scalar(LogOp op, Loops l, Value x) {
    return l.log(x);
  }
}
