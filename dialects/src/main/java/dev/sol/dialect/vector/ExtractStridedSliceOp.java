package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A strided slice of a vector. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.extract_strided_slice"(...) : (...) -> (...)}</pre>
 */
public final class ExtractStridedSliceOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.extract_strided_slice", ExtractStridedSliceOp.class, ExtractStridedSliceOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private ExtractStridedSliceOp(OperationState state) {
    super(state, SPEC);
  }
}
