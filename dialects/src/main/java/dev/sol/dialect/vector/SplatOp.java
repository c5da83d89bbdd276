package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Fills a vector with one scalar.
 *
 * <pre>{@code %v = "vector.splat"(%s) : (f32) -> vector<4xf32>}</pre>
 */
public final class SplatOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.splat", SplatOp.class, SplatOp::new)
      .operand("input", SCALAR).result("aggregate", VECTOR);

  private SplatOp(OperationState state) {
    super(state, SPEC);
  }

  public Value input() { return operand(0); }

  @Override public boolean verify(Diagnostics diag) {
    if (!operand(0).type().equals(((VectorType) result().type()).element())) {
      return diag.report(opError("failed to verify that operand type matches element type of result"));
    }
    return true;
  }
}
