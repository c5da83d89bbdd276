package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A compressing store. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.compressstore"(...) : (...) -> (...)}</pre>
 */
public final class CompressStoreOp extends Operation {
  public static final OpSpec SPEC = OpSpec.named("vector.compressstore", CompressStoreOp.class, CompressStoreOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private CompressStoreOp(OperationState state) {
    super(state, SPEC);
  }
}
