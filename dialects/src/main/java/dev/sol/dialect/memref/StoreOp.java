package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.MemoryEffects.Effect;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Writes one element of a buffer.
 *
 * <pre>{@code "memref.store"(%v, %m, %i) : (f32, memref<4xf32>, index) -> ()}</pre>
 */
public final class StoreOp extends Operation implements MemoryEffects {
  public static final OpSpec SPEC = OpSpec.named("memref.store", StoreOp.class, StoreOp::new)
      .operand("value", ANY).operand("memref", MEMREF).variadicOperand("indices", INDEX).optionalAttribute("nontemporal", ANY_ATTR);

  private StoreOp(OperationState state) {
    super(state, SPEC);
  }

  public Value value() { return operand(0); }
  public Value memref() { return operand(1); }
  public java.util.List<Value> indices() { return operands().subList(2, numOperands()); }

  /** Stores {@code value} into {@code memref} at {@code indices}. */
  public static StoreOp create(Builder b, Location loc, Value value, Value memref, java.util.List<Value> indices) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(value, memref).operands(indices));
  }

  public static StoreOp create(Builder b, Location loc, Value value, Value memref, Value... indices) {
    return create(b, loc, value, memref, java.util.List.of(indices));
  }

  @Override public boolean verify(Diagnostics diag) {
    MemRefType type = (MemRefType) memref().type();
    if (!value().type().equals(type.element())) {
      return diag.report(opError("failed to verify that type of 'value' matches element type of 'memref'"));
    }
    if (numOperands() != 2 + type.rank()) return diag.report(opError("store index operand count not equal to memref rank"));
    return true;
  }

  @Override public java.util.Set<Effect> effects() { return java.util.EnumSet.of(Effect.WRITE); }
}
