package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * The size of one dimension of a buffer.
 *
 * <pre>{@code %d = "memref.dim"(%0, %c0) : (memref<?xf32>, index) -> index}</pre>
 */
public final class DimOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("memref.dim", DimOp.class, DimOp::new)
      .operand("source", ANY_MEMREF).operand("index", INDEX).result("result", INDEX);

  private DimOp(OperationState state) {
    super(state, SPEC);
  }
}
