package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * Base-2 logarithm.
 *
 * <pre>{@code %1 = "math.log2"(%0) : (f32) -> f32}</pre>
 */
public final class Log2Op extends Operation implements Pure, SameOperandsAndResultType, Foldable, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("math.log2", Log2Op.class, Log2Op::new)
      .operand("operand", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private Log2Op(OperationState state) {
    super(state, SPEC);
  }

  public Value operand() { return operand(0); }

  public static Log2Op create(Builder b, Location loc, Value operand) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(operand).results(operand.type()));
  }

  @Override public double apply(double... x) { return Math.log(x[0]) / Math.log(2); }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.fold(this, c, result(0).type(), x -> x > 0);
  }
}
