package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Inserts an element or a sub-vector at a static position.
 *
 * <pre>{@code %r = "vector.insert"(%s, %v) {position = [1]} : (f32, vector<4xf32>) -> vector<4xf32>}</pre>
 */
public final class InsertOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.insert", InsertOp.class, InsertOp::new)
      .operand("source", ANY).operand("dest", VECTOR).attribute("position", I64_ARRAY).result("result", VECTOR);

  private InsertOp(OperationState state) {
    super(state, SPEC);
  }

  public Value source() { return operand(0); }
  public Value dest() { return operand(1); }
  public long[] position() { return VectorPositions.of(this); }

  @Override public boolean verify(Diagnostics diag) {
    if (!result().type().equals(operand(1).type())) {
      return diag.report(opError("failed to verify that all of {dest, result} have same type"));
    }
    return VectorPositions.verify(this, diag, (VectorType) operand(1).type(), operand(0).type(), "dest vector");
  }
}
