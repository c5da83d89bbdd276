package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Views a buffer with a shape given by a 1-D buffer of sizes.
 *
 * <pre>{@code %2 = "memref.reshape"(%0, %1) : (memref<4xf32>, memref<2xindex>) -> memref<2x2xf32>}</pre>
 */
public final class ReshapeOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("memref.reshape", ReshapeOp.class, ReshapeOp::new)
      .operand("source", MEMREF).operand("shape", INT_OR_INDEX_1D_MEMREF).result("result", MEMREF);

  private ReshapeOp(OperationState state) {
    super(state, SPEC);
  }

  public Value source() { return operand(0); }

  @Override public boolean verify(Diagnostics diag) {
    MemRefType src = (MemRefType) operand(0).type();
    MemRefType res = (MemRefType) result().type();
    if (!src.element().equals(res.element())) {
      return diag.report(opError("element types of source and destination memref types should be the same"));
    }
    if (!src.hasIdentityLayout() || !res.hasIdentityLayout()) return diag.report(opError("source and result memref types should have identity layout"));
    long n = ((MemRefType) operand(1).type()).shape()[0];
    if (n != ShapedType.DYNAMIC && n != res.rank()) {
      return diag.report(opError("length of shape operand differs from the result's memref rank"));
    }
    return true;
  }
}
