package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A prefetch hint. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "memref.prefetch"(...) : (...) -> (...)}</pre>
 */
public final class PrefetchOp extends Operation {
  public static final OpSpec SPEC = OpSpec.named("memref.prefetch", PrefetchOp.class, PrefetchOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private PrefetchOp(OperationState state) {
    super(state, SPEC);
  }
}
