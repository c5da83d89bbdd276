package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
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
public final class MaxFOp extends Operation implements Pure, SameOperandsAndResultType, Commutative, Foldable, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("arith.maxf", MaxFOp.class, MaxFOp::new)
      .operand("lhs", FLOAT_LIKE).operand("rhs", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private MaxFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lhs() { return operand(0); }
  public Value rhs() { return operand(1); }

  public static MaxFOp create(Builder b, Location loc, Value lhs, Value rhs) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(lhs, rhs).results(lhs.type()));
  }

  @Override public double apply(double... x) { return Double.isNaN(x[0]) || Double.isNaN(x[1]) ? Double.NaN : Math.max(x[0], x[1]); }

  @Override public List<Object> fold(List<Attribute> c) {
    if (lhs() == rhs()) return List.of(lhs());
    return one(elementwise(this, c, result().type()));
  }
}
