package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.ConcatOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.List;

/**
 * nn.concat: one loop nest per operand, copying it into its slab of the result, except for the
 * operands whose producers wrote their slab in place ({@link Buffers#output}).
 */
public final class ConcatLowering extends NnLowering<ConcatOp> {
  public ConcatLowering(Buffers buffers) {
    super(ConcatOp.class, ConcatOp.SPEC, buffers);
  }

  @Override protected void lower(ConcatOp op, Loops l, List<Value> in, List<Value> out) {
    slabs(l, op.axis(), out.getFirst(), in, true, buffers().placed(op));
  }

  /** Concat and split: each part is a slab of the whole along {@code axis}, one after another; the parts {@code inPlace} (null: none) are not copied. */
  static void slabs(Loops l, int axis, Value whole, List<Value> parts, boolean intoWhole, boolean[] inPlace) {
    long offset = 0;
    for (int p = 0; p < parts.size(); p++) {
      Value part = parts.get(p);
      long start = offset;
      if (inPlace != null && inPlace[p]) {
        offset += shape(part)[axis];
        continue;
      }
      l.parallelForEach(shape(part), 1, iv -> {
        List<Value> inWhole = at(iv, axis, l.add(iv.get(axis), l.index(start)));
        if (intoWhole) l.store(l.load(part, iv), whole, inWhole);
        else l.store(l.load(whole, inWhole), part, iv);
      });
      offset += shape(part)[axis];
    }
  }
}
