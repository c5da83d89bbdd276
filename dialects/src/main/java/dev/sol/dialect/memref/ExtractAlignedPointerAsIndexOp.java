package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * The aligned pointer as an index. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "memref.extract_aligned_pointer_as_index"(...) : (...) -> (...)}</pre>
 */
public final class ExtractAlignedPointerAsIndexOp extends Operation {
  public static final OpSpec SPEC = OpSpec.named("memref.extract_aligned_pointer_as_index", ExtractAlignedPointerAsIndexOp.class, ExtractAlignedPointerAsIndexOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private ExtractAlignedPointerAsIndexOp(OperationState state) {
    super(state, SPEC);
  }
}
