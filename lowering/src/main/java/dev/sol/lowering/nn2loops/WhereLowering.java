package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.WhereOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.List;

/** nn.where: condition ? x : y per element, all three broadcast to the result. */
public final class WhereLowering extends NnLowering<WhereOp> {
  public WhereLowering(Buffers buffers) {
    super(WhereOp.class, WhereOp.SPEC, buffers);
  }

  @Override protected void lower(WhereOp op, Loops l, List<Value> in, List<Value> out) {
    Value result = out.getFirst();
    long[] os = shape(result);
    l.parallelForEach(os, 1, iv -> {
      Value c = l.load(in.get(0), broadcastIndices(l, in.get(0), iv, os));
      Value x = l.load(in.get(1), broadcastIndices(l, in.get(1), iv, os));
      Value y = l.load(in.get(2), broadcastIndices(l, in.get(2), iv, os));
      l.store(l.select(c, x, y), result, iv);
    });
  }
}
