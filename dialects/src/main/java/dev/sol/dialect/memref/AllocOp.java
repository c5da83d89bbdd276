package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.MemoryEffects.Effect;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Allocates a buffer on the heap.
 *
 * <pre>{@code %0 = "memref.alloc"() {operand_segment_sizes = array<i32: 0, 0>} : () -> memref<4xf32>}</pre>
 */
public final class AllocOp extends Operation implements MemoryEffects {
  public static final OpSpec SPEC = OpSpec.named("memref.alloc", AllocOp.class, AllocOp::new)
      .variadicOperand("dynamicSizes", INDEX).variadicOperand("symbolOperands", INDEX).result("memref", MEMREF)
      .optionalAttribute("alignment", I64);

  private AllocOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public boolean verify(Diagnostics diag) { return AllocVerifier.verify(this, diag); }

  @Override public java.util.Set<Effect> effects() { return java.util.EnumSet.of(Effect.ALLOCATE); }
}
