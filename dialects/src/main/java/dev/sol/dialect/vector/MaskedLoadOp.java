package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.MemoryEffects.Effect;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A masked vector load. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.maskedload"(...) : (...) -> (...)}</pre>
 */
public final class MaskedLoadOp extends Operation implements MemoryEffects {
  public static final OpSpec SPEC = OpSpec.named("vector.maskedload", MaskedLoadOp.class, MaskedLoadOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private MaskedLoadOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public java.util.Set<Effect> effects() { return java.util.EnumSet.of(Effect.READ); }
}
