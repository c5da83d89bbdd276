package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A mask from dynamic sizes. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.create_mask"(...) : (...) -> (...)}</pre>
 */
public final class CreateMaskOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.create_mask", CreateMaskOp.class, CreateMaskOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private CreateMaskOp(OperationState state) {
    super(state, SPEC);
  }
}
