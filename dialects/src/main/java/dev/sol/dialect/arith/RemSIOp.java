package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.IntElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Signed integer remainder.
 *
 * <pre>{@code %2 = "arith.remsi"(%0, %1) : (i32, i32) -> i32}</pre>
 */
public final class RemSIOp extends Operation implements Pure, SameOperandsAndResultType, TrapsOnZeroDivisor, Foldable, IntElementwise {
  public static final OpSpec SPEC = OpSpec.named("arith.remsi", RemSIOp.class, RemSIOp::new)
      .operand("lhs", SIGNLESS_INT_LIKE).operand("rhs", SIGNLESS_INT_LIKE).result("result", SIGNLESS_INT_LIKE);

  private RemSIOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lhs() { return operand(0); }
  public Value rhs() { return operand(1); }

  public static RemSIOp create(Builder b, Location loc, Value lhs, Value rhs) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(lhs, rhs).results(lhs.type()));
  }

  @Override public long apply(int width, long... x) { return x[0] % nonZero(x[1]); }

  @Override public List<Object> fold(List<Attribute> c) {
    if (isInt(c.get(1), 1)) return one(splatInt(result().type(), 0));
    return one(elementwise(this, c, result().type()));
  }
}
