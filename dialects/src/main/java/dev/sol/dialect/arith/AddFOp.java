package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Floating-point addition.
 *
 * <pre>{@code %2 = "arith.addf"(%0, %1) : (f32, f32) -> f32}</pre>
 */
public final class AddFOp extends Operation implements Pure, SameOperandsAndResultType, Commutative {
  public static final OpSpec SPEC = OpSpec.named("arith.addf", AddFOp.class, AddFOp::new)
      .operand("lhs", FLOAT_LIKE).operand("rhs", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private AddFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lhs() { return operand(0); }
  public Value rhs() { return operand(1); }
}
