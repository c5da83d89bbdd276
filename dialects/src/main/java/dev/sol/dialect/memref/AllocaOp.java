package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.MemoryEffects.Effect;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Allocates a buffer on the stack, freed when the enclosing scope returns.
 *
 * <pre>{@code %0 = "memref.alloca"() {operand_segment_sizes = array<i32: 0, 0>} : () -> memref<4xf32>}</pre>
 */
public final class AllocaOp extends Operation implements MemoryEffects {
  public static final OpSpec SPEC = OpSpec.named("memref.alloca", AllocaOp.class, AllocaOp::new)
      .variadicOperand("dynamicSizes", INDEX).variadicOperand("symbolOperands", INDEX).result("memref", MEMREF)
      .optionalAttribute("alignment", I64);

  private AllocaOp(OperationState state) {
    super(state, SPEC);
  }

  public MemRefType memrefType() { return (MemRefType) result().type(); }
  public java.util.List<Value> dynamicSizes() { return operandSegment(0); }
  /** The requested alignment in bytes, if any. */
  public java.util.OptionalLong alignment() { return Allocations.alignment(this); }

  /** A buffer of the static shape {@code type}. */
  public static AllocaOp create(Builder b, Location loc, MemRefType type) {
    return create(b, loc, type, java.util.List.of(), 0);
  }

  /**
   * A buffer of {@code type} with one size per dynamic dimension, aligned to {@code alignment}
   * bytes when that is positive.
   */
  public static AllocaOp create(Builder b, Location loc, MemRefType type, java.util.List<Value> dynamicSizes, long alignment) {
    return b.create(SPEC, Allocations.state(SPEC, loc, type, dynamicSizes, alignment));
  }

  @Override public boolean verify(Diagnostics diag) { return Allocations.verify(this, diag); }

  @Override public java.util.Set<Effect> effects() { return java.util.EnumSet.of(Effect.ALLOCATE); }
}
