package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import java.util.List;

/**
 * Cube root. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.cbrt"(...) : (...) -> (...)}</pre>
 */
public final class CbrtOp extends Operation implements Pure, Foldable {
  public static final OpSpec SPEC = OpSpec.named("math.cbrt", CbrtOp.class, CbrtOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private CbrtOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return MathFolding.unary(c.get(0), result(0).type(), Math::cbrt);
  }
}
