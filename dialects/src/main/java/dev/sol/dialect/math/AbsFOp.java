package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Absolute value.
 *
 * <pre>{@code %1 = "math.absf"(%0) : (f32) -> f32}</pre>
 */
public final class AbsFOp extends Operation implements Pure, SameOperandsAndResultType {
  public static final OpSpec SPEC = OpSpec.named("math.absf", AbsFOp.class, AbsFOp::new)
      .operand("operand", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private AbsFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value operand() { return operand(0); }
}
