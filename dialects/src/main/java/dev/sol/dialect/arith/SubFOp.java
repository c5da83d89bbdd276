package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Floating-point subtraction.
 *
 * <pre>{@code %2 = "arith.subf"(%0, %1) : (f32, f32) -> f32}</pre>
 */
public final class SubFOp extends Operation implements Pure, SameOperandsAndResultType, Foldable, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("arith.subf", SubFOp.class, SubFOp::new)
      .operand("lhs", FLOAT_LIKE).operand("rhs", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private SubFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lhs() { return operand(0); }
  public Value rhs() { return operand(1); }

  public static SubFOp create(Builder b, Location loc, Value lhs, Value rhs) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(lhs, rhs).results(lhs.type()));
  }

  @Override public double apply(double... x) { return x[0] - x[1]; }

  @Override public List<Object> fold(List<Attribute> c) {
    if (isFloat(c.get(1), 0.0)) return List.of(lhs());
    return one(elementwise(this, c, result().type()));
  }
}
