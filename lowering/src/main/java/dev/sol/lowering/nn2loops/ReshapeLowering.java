package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.ReshapeOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.List;

/** nn.reshape: both buffers are contiguous, so element i of the input is element i of the result. */
public final class ReshapeLowering extends NnLowering<ReshapeOp> {
  public ReshapeLowering(Buffers buffers) {
    super(ReshapeOp.class, ReshapeOp.SPEC, buffers);
  }

  @Override protected void lower(ReshapeOp op, Loops l, List<Value> in, List<Value> out) {
    long n = type(out.getFirst()).numElements();
    Value src = l.flatten(in.getFirst());
    Value dst = l.flatten(out.getFirst());
    l.parallelForEach(new long[] {n}, 1, iv -> l.store(l.load(src, iv), dst, iv));
  }
}
