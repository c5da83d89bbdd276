package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * The scalable vector length multiple. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.vscale"(...) : (...) -> (...)}</pre>
 */
public final class VectorScaleOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.vscale", VectorScaleOp.class, VectorScaleOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private VectorScaleOp(OperationState state) {
    super(state, SPEC);
  }
}
