package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Elementwise fused multiply-add of vectors.
 *
 * <pre>{@code %r = "vector.fma"(%a, %b, %c) : (vector<4xf32>, vector<4xf32>, vector<4xf32>) -> vector<4xf32>}</pre>
 */
public final class FMAOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.fma", FMAOp.class, FMAOp::new)
      .operand("lhs", VECTOR).operand("rhs", VECTOR).operand("acc", VECTOR).result("result", VECTOR);

  private FMAOp(OperationState state) {
    super(state, SPEC);
  }

  public Value lhs() { return operand(0); }
  public Value rhs() { return operand(1); }
  public Value acc() { return operand(2); }

  @Override public boolean verify(Diagnostics diag) {
    Type t = result().type();
    for (Type o : operandTypes()) {
      if (!o.equals(t)) return diag.report(opError("failed to verify that all of {lhs, rhs, acc, result} have same type"));
    }
    if (!(((VectorType) t).element() instanceof FloatType)) return diag.report(opError("operand #0 must be vector of floating-point values"));
    return true;
  }
}
