package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A typed view of a byte buffer. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "memref.view"(...) : (...) -> (...)}</pre>
 */
public final class ViewOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("memref.view", ViewOp.class, ViewOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private ViewOp(OperationState state) {
    super(state, SPEC);
  }
}
