package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Integer comparison by a {@link CmpIPredicate} (MLIR's numbering).
 *
 * <pre>{@code %2 = "arith.cmpi"(%0, %1) {predicate = 2 : i64} : (i32, i32) -> i1}</pre>
 */
public final class CmpIOp extends Operation implements Pure, SameTypeOperands, Foldable {
  public static final OpSpec SPEC = OpSpec.named("arith.cmpi", CmpIOp.class, CmpIOp::new)
      .operand("lhs", SIGNLESS_INT_LIKE).operand("rhs", SIGNLESS_INT_LIKE).result("result", BOOL_LIKE).attribute("predicate", i64Enum("arith.cmpi predicate", 9));

  private CmpIOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lhs() { return operand(0); }
  public Value rhs() { return operand(1); }
  public CmpIPredicate predicate() { return CmpIPredicate.of(((IntegerAttr) attribute("predicate")).value()); }

  /** {@code arith.cmpi} with result i1, or a vector of i1 for vector operands. */
  public static CmpIOp create(Builder b, Location loc, CmpIPredicate predicate, Value lhs, Value rhs) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(lhs, rhs).results(ArithCasts.boolLike(lhs.type()))
        .attribute("predicate", IntegerAttr.i64(predicate.value())));
  }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verifyCompareResult(this, diag);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    CmpIPredicate pred = predicate();
    if (lhs() == rhs()) return one(splatInt(result().type(), pred.holdsForEqual() ? 1 : 0));
    Type t = Constraints.elementOrSelf(lhs().type());
    int width = t instanceof IntegerType it ? it.width() : 64;
    return one(binaryIntToBool(c.get(0), c.get(1), result().type(), (a, b) -> pred.test(a, b, width)));
  }
}
