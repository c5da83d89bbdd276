package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * An expanding load. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.expandload"(...) : (...) -> (...)}</pre>
 */
public final class ExpandLoadOp extends Operation {
  public static final OpSpec SPEC = OpSpec.named("vector.expandload", ExpandLoadOp.class, ExpandLoadOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private ExpandLoadOp(OperationState state) {
    super(state, SPEC);
  }
}
