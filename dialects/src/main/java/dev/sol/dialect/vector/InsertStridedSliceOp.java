package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Inserts a strided slice. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.insert_strided_slice"(...) : (...) -> (...)}</pre>
 */
public final class InsertStridedSliceOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.insert_strided_slice", InsertStridedSliceOp.class, InsertStridedSliceOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private InsertStridedSliceOp(OperationState state) {
    super(state, SPEC);
  }
}
