package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Integer comparison; predicate 0-9 is eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge.
 *
 * <pre>{@code %2 = "arith.cmpi"(%0, %1) {predicate = 2 : i64} : (i32, i32) -> i1}</pre>
 */
public final class CmpIOp extends Operation implements Pure, SameTypeOperands {
  public static final OpSpec SPEC = OpSpec.named("arith.cmpi", CmpIOp.class, CmpIOp::new)
      .operand("lhs", SIGNLESS_INT_LIKE).operand("rhs", SIGNLESS_INT_LIKE).result("result", BOOL_LIKE).attribute("predicate", i64Enum("arith.cmpi predicate", 9));

  private CmpIOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lhs() { return operand(0); }
  public Value rhs() { return operand(1); }
  public long predicate() { return ((IntegerAttr) attribute("predicate")).value(); }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verifyCompareResult(this, diag);
  }
}
