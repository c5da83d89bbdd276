package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * lhs raised to rhs.
 *
 * <pre>{@code %2 = "math.powf"(%0, %1) : (f32, f32) -> f32}</pre>
 */
public final class PowFOp extends Operation implements Pure, SameOperandsAndResultType, Foldable, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("math.powf", PowFOp.class, PowFOp::new)
      .operand("lhs", FLOAT_LIKE).operand("rhs", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private PowFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lhs() { return operand(0); }
  public Value rhs() { return operand(1); }

  /** The result has the type of {@code lhs}. */
  public static PowFOp create(Builder b, Location loc, Value lhs, Value rhs) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(lhs, rhs).results(lhs.type()));
  }

  @Override public double apply(double... x) { return Math.pow(x[0], x[1]); }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.fold(this, c, result(0).type());
  }
}
