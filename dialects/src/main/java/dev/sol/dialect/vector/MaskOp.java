package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Applies a mask to the operation in its region. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.mask"(...) : (...) -> (...)}</pre>
 */
public final class MaskOp extends Operation {
  public static final OpSpec SPEC = OpSpec.named("vector.mask", MaskOp.class, MaskOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY).variadicRegions();

  private MaskOp(OperationState state) {
    super(state, SPEC);
  }
}
