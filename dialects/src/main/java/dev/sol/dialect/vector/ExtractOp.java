package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Extracts an element or a sub-vector at a static position.
 *
 * <pre>{@code %s = "vector.extract"(%v) {position = [1]} : (vector<4xf32>) -> f32}</pre>
 */
public final class ExtractOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.extract", ExtractOp.class, ExtractOp::new)
      .operand("vector", VECTOR).attribute("position", I64_ARRAY).result("result", ANY);

  private ExtractOp(OperationState state) {
    super(state, SPEC);
  }

  public Value vector() { return operand(0); }
  public long[] position() { return VectorPositions.of(this); }

  @Override public boolean verify(Diagnostics diag) {
    return VectorPositions.verify(this, diag, (VectorType) operand(0).type(), result().type(), "vector");
  }
}
