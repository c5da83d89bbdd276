package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.MemoryEffects.Effect;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Copies the contents of one buffer into another of the same shape.
 *
 * <pre>{@code "memref.copy"(%0, %1) : (memref<4xf32>, memref<4xf32>) -> ()}</pre>
 */
public final class CopyOp extends Operation implements MemoryEffects {
  public static final OpSpec SPEC = OpSpec.named("memref.copy", CopyOp.class, CopyOp::new)
      .operand("source", ANY_MEMREF).operand("target", ANY_MEMREF);

  private CopyOp(OperationState state) {
    super(state, SPEC);
  }

  public Value source() { return operand(0); }
  public Value target() { return operand(1); }

  @Override public boolean verify(Diagnostics diag) {
    ShapedType s = (ShapedType) operand(0).type();
    ShapedType t = (ShapedType) operand(1).type();
    if (!s.element().equals(t.element())) return diag.report(opError("requires the same element type for all operands"));
    if (s.hasRank() && t.hasRank() && s.hasStaticShape() && t.hasStaticShape() && !java.util.Arrays.equals(s.shape(), t.shape())) {
      return diag.report(opError("failed to verify that source and target have the same shape"));
    }
    return true;
  }

  @Override public java.util.Set<Effect> effects() { return java.util.EnumSet.of(Effect.READ, Effect.WRITE); }
}
