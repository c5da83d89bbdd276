package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Integer comparison; predicate 0-9 is eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge.
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
  public long predicate() { return ((IntegerAttr) attribute("predicate")).value(); }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verifyCompareResult(this, diag);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    int pred = (int) predicate();
    if (lhs() == rhs()) return one(splatInt(result().type(), (pred == 0 || pred == 3 || pred == 5 || pred == 7 || pred == 9) ? 1 : 0));
    Type t = lhs().type();
    return one(binaryIntToBool(c.get(0), c.get(1), result().type(), (a, b) -> switch (pred) {
      case 0 -> a == b;
      case 1 -> a != b;
      case 2 -> a < b;
      case 3 -> a <= b;
      case 4 -> a > b;
      case 5 -> a >= b;
      case 6 -> Long.compareUnsigned(unsigned(a, t), unsigned(b, t)) < 0;
      case 7 -> Long.compareUnsigned(unsigned(a, t), unsigned(b, t)) <= 0;
      case 8 -> Long.compareUnsigned(unsigned(a, t), unsigned(b, t)) > 0;
      default -> Long.compareUnsigned(unsigned(a, t), unsigned(b, t)) >= 0;
    }));
  }
}
