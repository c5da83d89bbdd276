package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Floating-point remainder.
 *
 * <pre>{@code %2 = "arith.remf"(%0, %1) : (f32, f32) -> f32}</pre>
 */
public final class RemFOp extends Operation implements Pure, SameOperandsAndResultType, Foldable, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("arith.remf", RemFOp.class, RemFOp::new)
      .operand("lhs", FLOAT_LIKE).operand("rhs", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private RemFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lhs() { return operand(0); }
  public Value rhs() { return operand(1); }

  public static RemFOp create(Builder b, Location loc, Value lhs, Value rhs) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(lhs, rhs).results(lhs.type()));
  }

  @Override public double apply(double... x) { return x[0] % x[1]; }

  @Override public List<Object> fold(List<Attribute> c) {
    return one(elementwise(this, c, result().type()));
  }
}
