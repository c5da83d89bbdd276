package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * Magnitude of lhs with the sign of rhs. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.copysign"(...) : (...) -> (...)}</pre>
 */
public final class CopySignOp extends Operation implements Pure, Foldable {
  public static final OpSpec SPEC = OpSpec.named("math.copysign", CopySignOp.class, CopySignOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private CopySignOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.binary(c.get(0), c.get(1), result(0).type(), Math::copySign);
  }
}
