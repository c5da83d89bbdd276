package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * Rounds half away from zero.
 *
 * <pre>{@code %1 = "math.round"(%0) : (f32) -> f32}</pre>
 */
public final class RoundOp extends Operation implements Pure, SameOperandsAndResultType, Foldable, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("math.round", RoundOp.class, RoundOp::new)
      .operand("operand", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private RoundOp(OperationState state) {
    super(state, SPEC);
  }

  public Value operand() { return operand(0); }

  public static RoundOp create(Builder b, Location loc, Value operand) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(operand).results(operand.type()));
  }

  @Override public double apply(double... x) { return Math.signum(x[0]) * Math.floor(Math.abs(x[0]) + 0.5); }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.fold(this, c, result(0).type());
  }
}
