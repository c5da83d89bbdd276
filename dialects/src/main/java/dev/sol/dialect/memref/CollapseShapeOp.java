package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Merges groups of adjacent dimensions (the reassociation).
 *
 * <pre>{@code %1 = "memref.collapse_shape"(%0) {reassociation = [[0, 1]]} : (memref<2x2xf32>) -> memref<4xf32>}</pre>
 */
public final class CollapseShapeOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("memref.collapse_shape", CollapseShapeOp.class, CollapseShapeOp::new)
      .operand("src", MEMREF).attribute("reassociation", REASSOCIATION).result("result", MEMREF);

  private CollapseShapeOp(OperationState state) {
    super(state, SPEC);
  }

  public Value src() { return operand(0); }

  @Override public boolean verify(Diagnostics diag) {
    return ReassociationCheck.verify(this, diag, true);
  }
}
