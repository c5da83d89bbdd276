package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * Two-argument arc tangent. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.atan2"(...) : (...) -> (...)}</pre>
 */
public final class Atan2Op extends Operation implements Pure, Foldable {
  public static final OpSpec SPEC = OpSpec.named("math.atan2", Atan2Op.class, Atan2Op::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private Atan2Op(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.binary(c.get(0), c.get(1), result(0).type(), Math::atan2);
  }
}
