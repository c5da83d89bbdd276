package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.MemoryEffects.Effect;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Reads a vector from consecutive elements of a buffer.
 *
 * <pre>{@code %v = "vector.load"(%m, %i) : (memref<8xf32>, index) -> vector<4xf32>}</pre>
 */
public final class LoadOp extends Operation implements MemoryEffects {
  public static final OpSpec SPEC = OpSpec.named("vector.load", LoadOp.class, LoadOp::new)
      .operand("base", MEMREF).variadicOperand("indices", INDEX).result("result", VECTOR).optionalAttribute("nontemporal", ANY_ATTR);

  private LoadOp(OperationState state) {
    super(state, SPEC);
  }

  public Value base() { return operand(0); }
  public java.util.List<Value> indices() { return operands().subList(1, numOperands()); }

  @Override public boolean verify(Diagnostics diag) {
    MemRefType base = (MemRefType) base().type();
    VectorType vt = (VectorType) result().type();
    if (!base.element().equals(vt.element()) && !base.element().equals(vt)) {
      return diag.report(opError("base and result element type should match"));
    }
    if (numOperands() - 1 != base.rank()) return diag.report(opError("requires " + base.rank() + " indices"));
    return true;
  }

  @Override public java.util.Set<Effect> effects() { return java.util.EnumSet.of(Effect.READ); }
}
