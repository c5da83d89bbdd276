package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.GatherElementsOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.ArrayList;
import java.util.List;

/** nn.gather_elements: one loop nest over the indices; each reads the data at its own position with the axis's coordinate from the index (negative ones count from the end). */
public final class GatherElementsLowering extends NnLowering<GatherElementsOp> {
  public GatherElementsLowering(Buffers buffers) {
    super(GatherElementsOp.class, GatherElementsOp.SPEC, buffers);
  }

  @Override protected void lower(GatherElementsOp op, Loops l, List<Value> in, List<Value> out) {
    int axis = op.axis();
    Value data = in.get(0);
    Value indices = in.get(1);
    long length = shape(data)[axis];
    l.parallelForEach(shape(out.getFirst()), 1, iv -> {
      List<Value> src = new ArrayList<>(iv);
      src.set(axis, GatherLowering.position(l, l.load(indices, iv), length));
      l.store(l.load(data, src), out.getFirst(), iv);
    });
  }
}
