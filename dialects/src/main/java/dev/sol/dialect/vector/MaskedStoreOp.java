package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.MemoryEffects.Effect;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A masked vector store. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.maskedstore"(...) : (...) -> (...)}</pre>
 */
public final class MaskedStoreOp extends Operation implements MemoryEffects {
  public static final OpSpec SPEC = OpSpec.named("vector.maskedstore", MaskedStoreOp.class, MaskedStoreOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private MaskedStoreOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public java.util.Set<Effect> effects() { return java.util.EnumSet.of(Effect.WRITE); }
}
