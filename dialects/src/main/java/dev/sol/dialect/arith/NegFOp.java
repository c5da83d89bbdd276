package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Floating-point negation.
 *
 * <pre>{@code %1 = "arith.negf"(%0) : (f32) -> f32}</pre>
 */
public final class NegFOp extends Operation implements Pure, SameOperandsAndResultType {
  public static final OpSpec SPEC = OpSpec.named("arith.negf", NegFOp.class, NegFOp::new)
      .operand("operand", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private NegFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value operand() { return operand(0); }
}
