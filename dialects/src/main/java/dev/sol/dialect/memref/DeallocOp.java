package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.MemoryEffects.Effect;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Frees a buffer made by memref.alloc.
 *
 * <pre>{@code "memref.dealloc"(%0) : (memref<4xf32>) -> ()}</pre>
 */
public final class DeallocOp extends Operation implements MemoryEffects {
  public static final OpSpec SPEC = OpSpec.named("memref.dealloc", DeallocOp.class, DeallocOp::new)
      .operand("memref", ANY_MEMREF);

  private DeallocOp(OperationState state) {
    super(state, SPEC);
  }

  public Value memref() { return operand(0); }

  public static DeallocOp create(Builder b, Location loc, Value memref) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(memref));
  }

  @Override public java.util.Set<Effect> effects() { return java.util.EnumSet.of(Effect.FREE); }
}
