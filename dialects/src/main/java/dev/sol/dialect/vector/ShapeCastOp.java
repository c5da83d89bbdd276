package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Reshapes a vector. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.shape_cast"(...) : (...) -> (...)}</pre>
 */
public final class ShapeCastOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.shape_cast", ShapeCastOp.class, ShapeCastOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private ShapeCastOp(OperationState state) {
    super(state, SPEC);
  }
}
