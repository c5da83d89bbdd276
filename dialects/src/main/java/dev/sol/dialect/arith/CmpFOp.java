package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Float comparison; predicate 0-15 is false, oeq, ogt, oge, olt, ole, one, ord, ueq, ugt, uge, ult, ule, une, uno, true.
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
  public long predicate() { return ((IntegerAttr) attribute("predicate")).value(); }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verifyCompareResult(this, diag);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    int pred = (int) predicate();
    if (pred == 0) return one(splatInt(result().type(), 0));
    if (pred == 15) return one(splatInt(result().type(), 1));
    return one(binaryFloatToBool(c.get(0), c.get(1), result().type(), (a, b) -> {
      boolean unordered = Double.isNaN(a) || Double.isNaN(b);
      return switch (pred) {
        case 1 -> !unordered && a == b;
        case 2 -> !unordered && a > b;
        case 3 -> !unordered && a >= b;
        case 4 -> !unordered && a < b;
        case 5 -> !unordered && a <= b;
        case 6 -> !unordered && a != b;
        case 7 -> !unordered;
        case 8 -> unordered || a == b;
        case 9 -> unordered || a > b;
        case 10 -> unordered || a >= b;
        case 11 -> unordered || a < b;
        case 12 -> unordered || a <= b;
        case 13 -> unordered || a != b;
        default -> unordered;
      };
    }));
  }
}
