package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.SplitOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.List;

/** nn.split: one loop nest per result, copying its slab of the input (as concat, the other way). */
public final class SplitLowering extends NnLowering<SplitOp> {
  public SplitLowering(Buffers buffers) {
    super(SplitOp.class, SplitOp.SPEC, buffers);
  }

  @Override protected void lower(SplitOp op, Loops l, List<Value> in, List<Value> out) {
    ConcatLowering.slabs(l, op.axis(), in.getFirst(), out, false, null);
  }
}
