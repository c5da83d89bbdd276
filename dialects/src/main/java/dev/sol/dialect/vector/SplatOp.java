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

  /** A vector of {@code type} whose every element is the scalar {@code input}. */
  public static SplatOp create(Builder b, Location loc, VectorType type, Value input) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(input).results(type));
  }

  @Override public boolean verify(Diagnostics diag) {
    if (!operand(0).type().equals(((VectorType) result().type()).element())) {
      return diag.report(opError("failed to verify that operand type matches element type of result"));
    }
    return true;
  }
}
