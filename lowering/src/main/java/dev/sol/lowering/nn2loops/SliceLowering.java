package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.SliceOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.ArrayList;
import java.util.List;

/** nn.slice: result index i reads input index start + i * step in every dimension. */
public final class SliceLowering extends NnLowering<SliceOp> {
  public SliceLowering(Buffers buffers) {
    super(SliceOp.class, SliceOp.SPEC, buffers);
  }

  @Override protected void lower(SliceOp op, Loops l, List<Value> in, List<Value> out) {
    Value x = in.getFirst();
    long[] s = shape(x);
    long[] starts = op.starts();
    long[] steps = op.steps();
    long[] start = new long[s.length];
    long[] step = new long[s.length];
    for (int d = 0; d < s.length; d++) {
      step[d] = steps.length > d ? steps[d] : 1;
      long st = starts.length > d ? starts[d] : 0;
      if (st < 0) st += s[d];
      start[d] = step[d] > 0 ? Math.clamp(st, 0, s[d]) : Math.clamp(st, -1, s[d] - 1);
    }
    l.parallelForEach(shape(out.getFirst()), 1, iv -> {
      List<Value> src = new ArrayList<>();
      for (int d = 0; d < s.length; d++) src.add(l.add(l.index(start[d]), l.mul(iv.get(d), l.index(step[d]))));
      l.store(l.load(x, src), out.getFirst(), iv);
    });
  }
}
