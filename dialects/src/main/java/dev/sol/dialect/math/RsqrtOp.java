package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Reciprocal square root.
 *
 * <pre>{@code %1 = "math.rsqrt"(%0) : (f32) -> f32}</pre>
 */
public final class RsqrtOp extends Operation implements Pure, SameOperandsAndResultType, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("math.rsqrt", RsqrtOp.class, RsqrtOp::new)
      .operand("operand", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private RsqrtOp(OperationState state) {
    super(state, SPEC);
  }

  public Value operand() { return operand(0); }

  public static RsqrtOp create(Builder b, Location loc, Value operand) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(operand).results(operand.type()));
  }

  @Override public double apply(double... x) { return 1 / Math.sqrt(x[0]); }
}
