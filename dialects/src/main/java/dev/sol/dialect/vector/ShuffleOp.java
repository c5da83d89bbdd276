package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Shuffles two vectors by a static mask. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.shuffle"(...) : (...) -> (...)}</pre>
 */
public final class ShuffleOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.shuffle", ShuffleOp.class, ShuffleOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private ShuffleOp(OperationState state) {
    super(state, SPEC);
  }
}
