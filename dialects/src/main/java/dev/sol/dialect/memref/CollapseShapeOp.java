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
  /** For each dimension of the result type, the dimensions of the source type it merges. */
  public int[][] reassociation() { return Reassociation.of(this); }

  public static CollapseShapeOp create(Builder b, Location loc, MemRefType resultType, Value src, int[]... reassociation) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(src).results(resultType)
        .attribute("reassociation", Reassociation.attribute(reassociation)));
  }

  /** Collapses {@code src} (identity layout, or strided with contiguous groups) by {@code reassociation}; the result type follows. */
  public static CollapseShapeOp create(Builder b, Location loc, Value src, int[]... reassociation) {
    return create(b, loc, Reassociation.collapse((MemRefType) src.type(), reassociation), src, reassociation);
  }

  @Override public boolean verify(Diagnostics diag) {
    return Reassociation.verify(this, diag, true);
  }
}
