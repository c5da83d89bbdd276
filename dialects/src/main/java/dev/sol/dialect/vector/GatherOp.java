package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.MemoryEffects.Effect;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A gather load. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.gather"(...) : (...) -> (...)}</pre>
 */
public final class GatherOp extends Operation implements MemoryEffects {
  public static final OpSpec SPEC = OpSpec.named("vector.gather", GatherOp.class, GatherOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private GatherOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public java.util.Set<Effect> effects() { return java.util.EnumSet.of(Effect.READ); }
}
