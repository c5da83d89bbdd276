package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Float comparison by a {@link CmpFPredicate} (MLIR's numbering).
 *
 * <pre>{@code %2 = "arith.cmpf"(%0, %1) {predicate = 1 : i64} : (f32, f32) -> i1}</pre>
 */
public final class CmpFOp extends Operation implements Pure, SameTypeOperands, Foldable {
  public static final OpSpec SPEC = OpSpec.named("arith.cmpf", CmpFOp.class, CmpFOp::new)
      .operand("lhs", FLOAT_LIKE).operand("rhs", FLOAT_LIKE).result("result", BOOL_LIKE).attribute("predicate", i64Enum("arith.cmpf predicate", 15)).optionalAttribute("fastmath", DIALECT_ATTR);

  private CmpFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lhs() { return operand(0); }
  public Value rhs() { return operand(1); }
  public CmpFPredicate predicate() { return CmpFPredicate.of(((IntegerAttr) attribute("predicate")).value()); }

  /** {@code arith.cmpf} with result i1, or a vector of i1 for vector operands. */
  public static CmpFOp create(Builder b, Location loc, CmpFPredicate predicate, Value lhs, Value rhs) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(lhs, rhs).results(ArithCasts.boolLike(lhs.type()))
        .attribute("predicate", IntegerAttr.i64(predicate.value())));
  }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verifyCompareResult(this, diag);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    CmpFPredicate pred = predicate();
    if (pred == CmpFPredicate.FALSE) return one(splatInt(result().type(), 0));
    if (pred == CmpFPredicate.TRUE) return one(splatInt(result().type(), 1));
    return one(binaryFloatToBool(c.get(0), c.get(1), result().type(), pred::test));
  }
}
