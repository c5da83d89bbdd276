package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Cube root. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.cbrt"(...) : (...) -> (...)}</pre>
 */
public final class CbrtOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("math.cbrt", CbrtOp.class, CbrtOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private CbrtOp(OperationState state) {
    super(state, SPEC);
  }
}
