package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Multiplies flattened matrices. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.matrix_multiply"(...) : (...) -> (...)}</pre>
 */
public final class MatmulOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.matrix_multiply", MatmulOp.class, MatmulOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private MatmulOp(OperationState state) {
    super(state, SPEC);
  }
}
