package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.arith.RemFOp;
import dev.sol.dialect.nn.Integers;
import dev.sol.dialect.nn.ModOp;
import dev.sol.ir.FloatType;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.List;

/**
 * nn.mod: one loop nest over the broadcast result (as {@link BroadcastBinaryLowering}). Floats:
 * arith.remf (C's fmod). Integers: arith.remsi or remui with the divisor 0 (and, signed, -1,
 * whose remainder is 0 anyway) replaced by 1, since LLVM leaves those undefined; with fmod = 0
 * a remainder whose sign differs from the divisor's gets the divisor added (Python's %).
 */
public final class ModLowering extends NnLowering<ModOp> {
  public ModLowering(Buffers buffers) {
    super(ModOp.class, ModOp.SPEC, buffers);
  }

  @Override protected void lower(ModOp op, Loops l, List<Value> in, List<Value> out) {
    boolean fmod = op.fmod();
    if (nnElement(op, 0) instanceof FloatType) {
      BroadcastBinaryLowering.loop(l, in.get(0), in.get(1), out.getFirst(), (x, y) -> RemFOp.create(l.builder(), l.location(), x, y).result());
      return;
    }
    boolean unsigned = Integers.isUnsigned(nnElement(op, 0));
    BroadcastBinaryLowering.loop(l, in.get(0), in.get(1), out.getFirst(), (x, y) -> {
      Value zero = l.integer(0, y.type());
      Value one = l.integer(1, y.type());
      Value unsafe = l.cmp(CmpIPredicate.EQ, y, zero);
      if (!unsigned) unsafe = l.or(unsafe, l.cmp(CmpIPredicate.EQ, y, l.integer(-1, y.type())));
      Value divisor = l.select(unsafe, one, y);
      if (unsigned) return l.remui(x, divisor);
      Value r = l.remsi(x, divisor);
      if (fmod) return r;
      Value signsDiffer = l.cmp(CmpIPredicate.NE, l.cmp(CmpIPredicate.SLT, r, zero), l.cmp(CmpIPredicate.SLT, divisor, zero));
      Value adjust = l.and(l.cmp(CmpIPredicate.NE, r, zero), signsDiffer);
      return l.select(adjust, l.add(r, divisor), r);
    });
  }
}
