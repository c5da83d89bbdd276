package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Casts between compatible memref types (static and dynamic sizes).
 *
 * <pre>{@code %1 = "memref.cast"(%0) : (memref<4xf32>) -> memref<?xf32>}</pre>
 */
public final class CastOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("memref.cast", CastOp.class, CastOp::new)
      .operand("source", ANY_MEMREF).result("dest", ANY_MEMREF);

  private CastOp(OperationState state) {
    super(state, SPEC);
  }

  public Value source() { return operand(0); }

  @Override public boolean verify(Diagnostics diag) {
    ShapedType s = (ShapedType) operand(0).type();
    ShapedType t = (ShapedType) result().type();
    boolean ok = s.element().equals(t.element());
    if (ok && s.hasRank() && t.hasRank()) {
      ok = s.rank() == t.rank();
      for (int i = 0; ok && i < s.rank(); i++) {
        ok = s.shape()[i] == t.shape()[i] || s.shape()[i] == ShapedType.DYNAMIC || t.shape()[i] == ShapedType.DYNAMIC;
      }
    }
    if (!ok) return diag.report(opError("operand type '" + operand(0).type() + "' and result type '" + result().type() + "' are cast incompatible"));
    return true;
  }
}
