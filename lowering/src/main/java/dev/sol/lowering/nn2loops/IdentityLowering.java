package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.IdentityOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.List;

/** nn.identity: a copy, of any element type. */
public final class IdentityLowering extends NnLowering<IdentityOp> {
  public IdentityLowering(Buffers buffers) {
    super(IdentityOp.class, IdentityOp.SPEC, buffers);
  }

  @Override protected void lower(IdentityOp op, Loops l, List<Value> in, List<Value> out) {
    copy(l, in.getFirst(), out.getFirst());
  }
}
