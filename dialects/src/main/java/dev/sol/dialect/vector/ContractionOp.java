package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A generalized contraction. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.contract"(...) : (...) -> (...)}</pre>
 */
public final class ContractionOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.contract", ContractionOp.class, ContractionOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private ContractionOp(OperationState state) {
    super(state, SPEC);
  }
}
