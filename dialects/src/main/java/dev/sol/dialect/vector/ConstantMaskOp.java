package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A mask from static sizes. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.constant_mask"(...) : (...) -> (...)}</pre>
 */
public final class ConstantMaskOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.constant_mask", ConstantMaskOp.class, ConstantMaskOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private ConstantMaskOp(OperationState state) {
    super(state, SPEC);
  }
}
