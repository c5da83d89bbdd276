package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Asserts the alignment of a buffer. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "memref.assume_alignment"(...) : (...) -> (...)}</pre>
 */
public final class AssumeAlignmentOp extends Operation {
  public static final OpSpec SPEC = OpSpec.named("memref.assume_alignment", AssumeAlignmentOp.class, AssumeAlignmentOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private AssumeAlignmentOp(OperationState state) {
    super(state, SPEC);
  }
}
