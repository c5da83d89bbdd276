package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Broadcasts a scalar or a lower-rank vector to a vector.
 *
 * <pre>{@code %v = "vector.broadcast"(%s) : (f32) -> vector<4xf32>}</pre>
 */
public final class BroadcastOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.broadcast", BroadcastOp.class, BroadcastOp::new)
      .operand("source", ANY).result("vector", VECTOR);

  private BroadcastOp(OperationState state) {
    super(state, SPEC);
  }

  public Value source() { return operand(0); }

  @Override public boolean verify(Diagnostics diag) {
    VectorType dst = (VectorType) result().type();
    Type src = operand(0).type();
    if (!(src instanceof VectorType sv)) {
      if (!src.equals(dst.element())) return diag.report(opError("source type is not a vector"));
      return true;
    }
    if (!sv.element().equals(dst.element())) return diag.report(opError("source and result element types must match"));
    if (sv.rank() > dst.rank()) return diag.report(opError("source rank higher than destination rank"));
    int off = dst.rank() - sv.rank();
    for (int i = 0; i < sv.rank(); i++) {
      long a = sv.shape()[i];
      long b = dst.shape()[off + i];
      if (a != 1 && a != b) return diag.report(opError("dimension mismatch (" + a + " vs. " + b + ")"));
    }
    return true;
  }
}
