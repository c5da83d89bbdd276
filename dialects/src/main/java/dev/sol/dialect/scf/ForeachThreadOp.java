package dev.sol.dialect.scf;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A parallel loop over threads. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "scf.foreach_thread"(...) : (...) -> (...)}</pre>
 */
public final class ForeachThreadOp extends Operation {
  public static final OpSpec SPEC = OpSpec.named("scf.foreach_thread", ForeachThreadOp.class, ForeachThreadOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY).variadicRegions();

  private ForeachThreadOp(OperationState state) {
    super(state, SPEC);
  }
}
