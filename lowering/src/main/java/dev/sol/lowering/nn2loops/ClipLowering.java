package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.ClipOp;
import dev.sol.dialect.nn.Integers;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/**
 * nn.clip: x clamped to [min, max]; an absent bound costs nothing. Integers clamp to the
 * type's values nearest inside the bounds ({@link Integers#bound}); a bound that the type's
 * range already satisfies is absent too.
 */
public final class ClipLowering extends UnaryElementwiseLowering<ClipOp> {
  public ClipLowering(Buffers buffers) {
    super(ClipOp.class, ClipOp.SPEC, buffers);
  }

  @Override protected Value scalar(ClipOp op, Loops l, Value x) {
    Type t = x.type();
    Value r = x;
    if (Loops.isFloat(x)) {
      // A NaN bound makes every result NaN: only arith.maxf and minf keep that.
      if (Double.isNaN(op.min()) || Double.isNaN(op.max())) return l.min(l.max(r, l.constant(op.min(), t)), l.constant(op.max(), t));
      if (op.min() != Double.NEGATIVE_INFINITY) r = l.maxWithBound(r, l.constant(op.min(), t));
      if (op.max() != Double.POSITIVE_INFINITY) r = l.minWithBound(r, l.constant(op.max(), t));
      return r;
    }
    Type element = nnElement(op, 0);
    long min = Integers.bound(op.min(), element, true);
    long max = Integers.bound(op.max(), element, false);
    if (min != Integers.lowest(element)) r = l.max(r, l.integer(min, t));
    if (max != Integers.highest(element)) r = l.min(r, l.integer(max, t));
    return r;
  }
}
