package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * Base-2 logarithm.
 *
 * <pre>{@code %1 = "math.log2"(%0) : (f32) -> f32}</pre>
 */
public final class Log2Op extends Operation implements Pure, SameOperandsAndResultType, Foldable {
  public static final OpSpec SPEC = OpSpec.named("math.log2", Log2Op.class, Log2Op::new)
      .operand("operand", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private Log2Op(OperationState state) {
    super(state, SPEC);
  }

  public Value operand() { return operand(0); }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.unary(c.get(0), result(0).type(), x -> x > 0 ? Math.log(x) / Math.log(2) : Double.NaN);
  }
}
