package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.nn.GatherOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.ArrayList;
import java.util.List;

/**
 * nn.gather: the result's indices along the gathered axis come from the index tensor (negative
 * ones count from the end). Indices computed at run time outside the axis, which the
 * interpreter refuses, are clamped into it ({@link #position}): compiled code never reads
 * outside the data.
 */
public final class GatherLowering extends NnLowering<GatherOp> {
  public GatherLowering(Buffers buffers) {
    super(GatherOp.class, GatherOp.SPEC, buffers);
  }

  @Override protected void lower(GatherOp op, Loops l, List<Value> in, List<Value> out) {
    int axis = op.axis();
    Value data = in.get(0);
    Value indices = in.get(1);
    long[] ds = shape(data);
    int ir = type(indices).rank();
    l.parallelForEach(shape(out.getFirst()), 1, iv -> {
      Value wrapped = position(l, l.load(indices, iv.subList(axis, axis + ir)), ds[axis]);
      List<Value> src = new ArrayList<>(iv.subList(0, axis));
      src.add(wrapped);
      src.addAll(iv.subList(axis + ir, iv.size()));
      l.store(l.load(data, src), out.getFirst(), iv);
    });
  }

  /**
   * The position an index {@code at} (an integer) names along an axis of {@code length} (at
   * least 1, see {@code GatherOp.requireSelectableAxis}): a negative one counts from the end, and
   * one outside [-length, length), an error of the model's input, is clamped into the axis so
   * that the read stays inside the data (out-of-range indices at run time read out of bounds and
   * crashed the process).
   */
  static Value position(Loops l, Value at, long length) {
    Value idx = l.indexCast(at);
    return l.clamp(l.select(l.cmp(CmpIPredicate.SLT, idx, l.index(0)), l.add(idx, l.index(length)), idx), length);
  }
}
