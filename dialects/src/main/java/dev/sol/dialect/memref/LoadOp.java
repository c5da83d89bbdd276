package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.MemoryEffects.Effect;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Reads one element of a buffer.
 *
 * <pre>{@code %v = "memref.load"(%m, %i) : (memref<4xf32>, index) -> f32}</pre>
 */
public final class LoadOp extends Operation implements MemoryEffects {
  public static final OpSpec SPEC = OpSpec.named("memref.load", LoadOp.class, LoadOp::new)
      .operand("memref", MEMREF).variadicOperand("indices", INDEX).result("result", ANY).optionalAttribute("nontemporal", ANY_ATTR);

  private LoadOp(OperationState state) {
    super(state, SPEC);
  }

  public Value memref() { return operand(0); }
  public java.util.List<Value> indices() { return operands().subList(1, numOperands()); }

  /** The element of {@code memref} at {@code indices}. */
  public static LoadOp create(Builder b, Location loc, Value memref, java.util.List<Value> indices) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(memref).operands(indices)
        .results(((MemRefType) memref.type()).element()));
  }

  public static LoadOp create(Builder b, Location loc, Value memref, Value... indices) {
    return create(b, loc, memref, java.util.List.of(indices));
  }

  @Override public boolean verify(Diagnostics diag) {
    MemRefType type = (MemRefType) memref().type();
    if (!result().type().equals(type.element())) {
      return diag.report(opError("failed to verify that result type matches element type of 'memref'"));
    }
    if (numOperands() != 1 + type.rank()) return diag.report(opError("incorrect number of indices for load"));
    return true;
  }

  @Override public java.util.Set<Effect> effects() { return java.util.EnumSet.of(Effect.READ); }
}
