package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Unsigned multiplication giving low and high halves. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "arith.mului_extended"(...) : (...) -> (...)}</pre>
 */
public final class MulUIExtendedOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("arith.mului_extended", MulUIExtendedOp.class, MulUIExtendedOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private MulUIExtendedOp(OperationState state) {
    super(state, SPEC);
  }
}
