package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Outer product with accumulation. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.outerproduct"(...) : (...) -> (...)}</pre>
 */
public final class OuterProductOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.outerproduct", OuterProductOp.class, OuterProductOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private OuterProductOp(OperationState state) {
    super(state, SPEC);
  }
}
