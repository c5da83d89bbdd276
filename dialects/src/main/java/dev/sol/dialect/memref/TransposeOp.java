package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A transposed view. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "memref.transpose"(...) : (...) -> (...)}</pre>
 */
public final class TransposeOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("memref.transpose", TransposeOp.class, TransposeOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private TransposeOp(OperationState state) {
    super(state, SPEC);
  }
}
