package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Reduces several dimensions. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.multi_reduction"(...) : (...) -> (...)}</pre>
 */
public final class MultiDimReductionOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.multi_reduction", MultiDimReductionOp.class, MultiDimReductionOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private MultiDimReductionOp(OperationState state) {
    super(state, SPEC);
  }
}
