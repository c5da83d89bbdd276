package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Floating-point minimum (NaN propagating).
 *
 * <pre>{@code %2 = "arith.minf"(%0, %1) : (f32, f32) -> f32}</pre>
 */
public final class MinFOp extends Operation implements Pure, SameOperandsAndResultType, Commutative, Foldable, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("arith.minf", MinFOp.class, MinFOp::new)
      .operand("lhs", FLOAT_LIKE).operand("rhs", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private MinFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lhs() { return operand(0); }
  public Value rhs() { return operand(1); }

  public static MinFOp create(Builder b, Location loc, Value lhs, Value rhs) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(lhs, rhs).results(lhs.type()));
  }

  @Override public double apply(double... x) { return Double.isNaN(x[0]) || Double.isNaN(x[1]) ? Double.NaN : Math.min(x[0], x[1]); }

  @Override public List<Object> fold(List<Attribute> c) {
    if (lhs() == rhs()) return List.of(lhs());
    return one(elementwise(this, c, result().type()));
  }
}
