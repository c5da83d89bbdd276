package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Float comparison; predicate 0-15 is false, oeq, ogt, oge, olt, ole, one, ord, ueq, ugt, uge, ult, ule, une, uno, true.
 *
 * <pre>{@code %2 = "arith.cmpf"(%0, %1) {predicate = 1 : i64} : (f32, f32) -> i1}</pre>
 */
public final class CmpFOp extends Operation implements Pure, SameTypeOperands {
  public static final OpSpec SPEC = OpSpec.named("arith.cmpf", CmpFOp.class, CmpFOp::new)
      .operand("lhs", FLOAT_LIKE).operand("rhs", FLOAT_LIKE).result("result", BOOL_LIKE).attribute("predicate", i64Enum("arith.cmpf predicate", 15)).optionalAttribute("fastmath", DIALECT_ATTR);

  private CmpFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lhs() { return operand(0); }
  public Value rhs() { return operand(1); }
  public long predicate() { return ((IntegerAttr) attribute("predicate")).value(); }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verifyCompareResult(this, diag);
  }
}
