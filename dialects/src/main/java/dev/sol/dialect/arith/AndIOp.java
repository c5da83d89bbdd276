package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.IntElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Bitwise and.
 *
 * <pre>{@code %2 = "arith.andi"(%0, %1) : (i32, i32) -> i32}</pre>
 */
public final class AndIOp extends Operation implements Pure, SameOperandsAndResultType, Commutative, Foldable, IntElementwise {
  public static final OpSpec SPEC = OpSpec.named("arith.andi", AndIOp.class, AndIOp::new)
      .operand("lhs", SIGNLESS_INT_LIKE).operand("rhs", SIGNLESS_INT_LIKE).result("result", SIGNLESS_INT_LIKE);

  private AndIOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lhs() { return operand(0); }
  public Value rhs() { return operand(1); }

  public static AndIOp create(Builder b, Location loc, Value lhs, Value rhs) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(lhs, rhs).results(lhs.type()));
  }

  @Override public long apply(int width, long... x) { return x[0] & x[1]; }

  @Override public List<Object> fold(List<Attribute> c) {
    if (isInt(c.get(1), 0)) return List.of(rhs());
    if (isInt(c.get(1), -1) || lhs() == rhs()) return List.of(lhs());
    return one(elementwise(this, c, result().type()));
  }
}
