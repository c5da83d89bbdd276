package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * Rounds half to even. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.roundeven"(...) : (...) -> (...)}</pre>
 */
public final class RoundEvenOp extends Operation implements Pure, Foldable {
  public static final OpSpec SPEC = OpSpec.named("math.roundeven", RoundEvenOp.class, RoundEvenOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private RoundEvenOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.unary(c.get(0), result(0).type(), Math::rint);
  }
}
