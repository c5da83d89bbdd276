package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Transposes a flattened matrix. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.flat_transpose"(...) : (...) -> (...)}</pre>
 */
public final class FlatTransposeOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.flat_transpose", FlatTransposeOp.class, FlatTransposeOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private FlatTransposeOp(OperationState state) {
    super(state, SPEC);
  }
}
