package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Floating-point multiplication.
 *
 * <pre>{@code %2 = "arith.mulf"(%0, %1) : (f32, f32) -> f32}</pre>
 */
public final class MulFOp extends Operation implements Pure, SameOperandsAndResultType, Commutative, Foldable {
  public static final OpSpec SPEC = OpSpec.named("arith.mulf", MulFOp.class, MulFOp::new)
      .operand("lhs", FLOAT_LIKE).operand("rhs", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private MulFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lhs() { return operand(0); }
  public Value rhs() { return operand(1); }

  @Override public List<Object> fold(List<Attribute> c) {
    if (isFloat(c.get(1), 1.0)) return List.of(lhs());
    return one(binaryFloat(c.get(0), c.get(1), result().type(), (a, b) -> a * b));
  }
}
