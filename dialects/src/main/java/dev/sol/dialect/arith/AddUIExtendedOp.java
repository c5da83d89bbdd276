package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Unsigned addition with an overflow flag. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "arith.addui_extended"(...) : (...) -> (...)}</pre>
 */
public final class AddUIExtendedOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("arith.addui_extended", AddUIExtendedOp.class, AddUIExtendedOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private AddUIExtendedOp(OperationState state) {
    super(state, SPEC);
  }
}
