package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpFPredicate;
import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.nn.CompareOp;
import dev.sol.dialect.nn.Integers;
import dev.sol.ir.FloatType;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.List;

/**
 * nn.compare: one loop nest over the result (as {@link BroadcastBinaryLowering}), each pair of
 * elements compared by arith.cmpf with an ordered predicate (false where either is NaN) or by
 * arith.cmpi, unsigned for unsigned operands. The operands' signedness comes from the op's
 * tensor types: the buffers, and the i1 result, are signless.
 */
public final class CompareLowering extends NnLowering<CompareOp> {
  public CompareLowering(Buffers buffers) {
    super(CompareOp.class, CompareOp.SPEC, buffers);
  }

  @Override protected void lower(CompareOp op, Loops l, List<Value> in, List<Value> out) {
    Type element = nnElement(op, 0);
    CompareOp.Predicate p = op.predicate();
    if (element instanceof FloatType) {
      CmpFPredicate f = switch (p) {
        case EQ -> CmpFPredicate.OEQ;
        case LT -> CmpFPredicate.OLT;
        case LE -> CmpFPredicate.OLE;
        case GT -> CmpFPredicate.OGT;
        case GE -> CmpFPredicate.OGE;
      };
      BroadcastBinaryLowering.loop(l, in.get(0), in.get(1), out.getFirst(), (x, y) -> l.cmp(f, x, y));
      return;
    }
    boolean unsigned = Integers.isUnsigned(element);
    CmpIPredicate i = switch (p) {
      case EQ -> CmpIPredicate.EQ;
      case LT -> unsigned ? CmpIPredicate.ULT : CmpIPredicate.SLT;
      case LE -> unsigned ? CmpIPredicate.ULE : CmpIPredicate.SLE;
      case GT -> unsigned ? CmpIPredicate.UGT : CmpIPredicate.SGT;
      case GE -> unsigned ? CmpIPredicate.UGE : CmpIPredicate.SGE;
    };
    BroadcastBinaryLowering.loop(l, in.get(0), in.get(1), out.getFirst(), (x, y) -> l.cmp(i, x, y));
  }
}
