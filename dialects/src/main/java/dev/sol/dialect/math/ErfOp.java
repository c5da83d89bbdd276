package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
import dev.sol.dialect.nn.Erf;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Error function.
 *
 * <pre>{@code %1 = "math.erf"(%0) : (f32) -> f32}</pre>
 */
public final class ErfOp extends Operation implements Pure, SameOperandsAndResultType, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("math.erf", ErfOp.class, ErfOp::new)
      .operand("operand", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private ErfOp(OperationState state) {
    super(state, SPEC);
  }

  public Value operand() { return operand(0); }

  public static ErfOp create(Builder b, Location loc, Value operand) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(operand).results(operand.type()));
  }

  @Override public double apply(double... x) { return Erf.erf(x[0]); }
}
