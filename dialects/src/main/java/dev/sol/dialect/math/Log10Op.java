package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * Base-10 logarithm. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.log10"(...) : (...) -> (...)}</pre>
 */
public final class Log10Op extends Operation implements Pure, Foldable {
  public static final OpSpec SPEC = OpSpec.named("math.log10", Log10Op.class, Log10Op::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private Log10Op(OperationState state) {
    super(state, SPEC);
  }

  public Value operand() { return operand(0); }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.unary(c.get(0), result(0).type(), x -> x > 0 ? Math.log10(x) : Double.NaN);
  }
}
