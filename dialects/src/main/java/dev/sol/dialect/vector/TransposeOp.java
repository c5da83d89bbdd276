package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Permutes vector dimensions. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.transpose"(...) : (...) -> (...)}</pre>
 */
public final class TransposeOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.transpose", TransposeOp.class, TransposeOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private TransposeOp(OperationState state) {
    super(state, SPEC);
  }
}
