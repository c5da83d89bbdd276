package dev.sol.dialect.func;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A function symbol as a value. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "func.constant"(...) : (...) -> (...)}</pre>
 */
public final class ConstantOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("func.constant", ConstantOp.class, ConstantOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private ConstantOp(OperationState state) {
    super(state, SPEC);
  }
}
