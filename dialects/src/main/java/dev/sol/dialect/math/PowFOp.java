package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * lhs raised to rhs.
 *
 * <pre>{@code %2 = "math.powf"(%0, %1) : (f32, f32) -> f32}</pre>
 */
public final class PowFOp extends Operation implements Pure, SameOperandsAndResultType, Foldable {
  public static final OpSpec SPEC = OpSpec.named("math.powf", PowFOp.class, PowFOp::new)
      .operand("lhs", FLOAT_LIKE).operand("rhs", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private PowFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lhs() { return operand(0); }
  public Value rhs() { return operand(1); }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.binary(c.get(0), c.get(1), result(0).type(), Math::pow);
  }
}
