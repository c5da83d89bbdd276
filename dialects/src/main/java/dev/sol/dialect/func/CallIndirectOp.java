package dev.sol.dialect.func;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Calls a function value. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "func.call_indirect"(...) : (...) -> (...)}</pre>
 */
public final class CallIndirectOp extends Operation {
  public static final OpSpec SPEC = OpSpec.named("func.call_indirect", CallIndirectOp.class, CallIndirectOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private CallIndirectOp(OperationState state) {
    super(state, SPEC);
  }
}
