package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Prints a vector (debugging). Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.print"(...) : (...) -> (...)}</pre>
 */
public final class PrintOp extends Operation {
  public static final OpSpec SPEC = OpSpec.named("vector.print", PrintOp.class, PrintOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private PrintOp(OperationState state) {
    super(state, SPEC);
  }
}
