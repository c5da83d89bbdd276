package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Floating-point maximum (NaN propagating).
 *
 * <pre>{@code %2 = "arith.maxf"(%0, %1) : (f32, f32) -> f32}</pre>
 */
public final class MaxFOp extends Operation implements Pure, SameOperandsAndResultType, Commutative, Foldable {
  public static final OpSpec SPEC = OpSpec.named("arith.maxf", MaxFOp.class, MaxFOp::new)
      .operand("lhs", FLOAT_LIKE).operand("rhs", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private MaxFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lhs() { return operand(0); }
  public Value rhs() { return operand(1); }

  @Override public List<Object> fold(List<Attribute> c) {
    if (lhs() == rhs()) return List.of(lhs());
    return one(binaryFloat(c.get(0), c.get(1), result().type(), (a, b) -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b)));
  }
}
