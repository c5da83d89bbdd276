package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpFPredicate;
import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.nn.Integers;
import dev.sol.dialect.nn.SignOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;

/**
 * nn.sign: x > 0 ? 1 : x < 0 ? -1 : x + 0 on floats (a NaN stays NaN, -0 becomes +0); on
 * integers the same with 0, and x != 0 ? 1 : 0 on unsigned ones.
 */
public final class SignLowering extends UnaryElementwiseLowering<SignOp> {
  public SignLowering(Buffers buffers) {
    super(SignOp.class, SignOp.SPEC, buffers);
  }

  @Override protected Value scalar(SignOp op, Loops l, Value x) {
    if (Loops.isFloat(x)) {
      Value zero = l.constant(0, x.type());
      Value rest = l.select(l.cmp(CmpFPredicate.OLT, x, zero), l.constant(-1, x.type()), l.add(x, zero));
      return l.select(l.cmp(CmpFPredicate.OGT, x, zero), l.constant(1, x.type()), rest);
    }
    Value zero = l.integer(0, x.type());
    Value one = l.integer(1, x.type());
    if (Integers.isUnsigned(nnElement(op, 0))) return l.select(l.cmp(CmpIPredicate.NE, x, zero), one, zero);
    Value rest = l.select(l.cmp(CmpIPredicate.SLT, x, zero), l.integer(-1, x.type()), zero);
    return l.select(l.cmp(CmpIPredicate.SGT, x, zero), one, rest);
  }
}
