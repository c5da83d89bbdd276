package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Signed multiplication giving low and high halves. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "arith.mulsi_extended"(...) : (...) -> (...)}</pre>
 */
public final class MulSIExtendedOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("arith.mulsi_extended", MulSIExtendedOp.class, MulSIExtendedOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private MulSIExtendedOp(OperationState state) {
    super(state, SPEC);
  }
}
