package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.MemoryEffects.Effect;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Writes a vector to consecutive elements of a buffer.
 *
 * <pre>{@code "vector.store"(%v, %m, %i) : (vector<4xf32>, memref<8xf32>, index) -> ()}</pre>
 */
public final class StoreOp extends Operation implements MemoryEffects {
  public static final OpSpec SPEC = OpSpec.named("vector.store", StoreOp.class, StoreOp::new)
      .operand("valueToStore", VECTOR).operand("base", MEMREF).variadicOperand("indices", INDEX).optionalAttribute("nontemporal", ANY_ATTR);

  private StoreOp(OperationState state) {
    super(state, SPEC);
  }

  public Value valueToStore() { return operand(0); }
  public Value base() { return operand(1); }
  public java.util.List<Value> indices() { return operands().subList(2, numOperands()); }

  @Override public boolean verify(Diagnostics diag) {
    MemRefType base = (MemRefType) base().type();
    VectorType vt = (VectorType) valueToStore().type();
    if (!base.element().equals(vt.element()) && !base.element().equals(vt)) {
      return diag.report(opError("base and valueToStore element type should match"));
    }
    if (numOperands() - 2 != base.rank()) return diag.report(opError("requires " + base.rank() + " indices"));
    return true;
  }

  @Override public java.util.Set<Effect> effects() { return java.util.EnumSet.of(Effect.WRITE); }
}
