package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Fused multiply-add a * b + c.
 *
 * <pre>{@code %3 = "math.fma"(%0, %1, %2) : (f32, f32, f32) -> f32}</pre>
 */
public final class FmaOp extends Operation implements Pure, SameOperandsAndResultType, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("math.fma", FmaOp.class, FmaOp::new)
      .operand("a", FLOAT_LIKE).operand("b", FLOAT_LIKE).operand("c", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private FmaOp(OperationState state) {
    super(state, SPEC);
  }

  public Value a() { return operand(0); }
  public Value b() { return operand(1); }
  public Value c() { return operand(2); }

  /** {@code a * b + c}, rounded once. */
  public static FmaOp create(Builder builder, Location loc, Value a, Value b, Value c) {
    return builder.create(SPEC, new OperationState(SPEC.name(), loc).operands(a, b, c).results(a.type()));
  }

  @Override public double apply(double... x) { return Math.fma(x[0], x[1], x[2]); }
}
