package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * The base, offset, sizes and strides of a buffer. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "memref.extract_strided_metadata"(...) : (...) -> (...)}</pre>
 */
public final class ExtractStridedMetadataOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("memref.extract_strided_metadata", ExtractStridedMetadataOp.class, ExtractStridedMetadataOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private ExtractStridedMetadataOp(OperationState state) {
    super(state, SPEC);
  }
}
