package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Splits dimensions into groups of new dimensions (the reassociation).
 *
 * <pre>{@code %1 = "memref.expand_shape"(%0) {reassociation = [[0, 1]]} : (memref<4xf32>) -> memref<2x2xf32>}</pre>
 */
public final class ExpandShapeOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("memref.expand_shape", ExpandShapeOp.class, ExpandShapeOp::new)
      .operand("src", MEMREF).attribute("reassociation", REASSOCIATION).result("result", MEMREF);

  private ExpandShapeOp(OperationState state) {
    super(state, SPEC);
  }

  public Value src() { return operand(0); }

  @Override public boolean verify(Diagnostics diag) {
    return ReassociationCheck.verify(this, diag, false);
  }
}
