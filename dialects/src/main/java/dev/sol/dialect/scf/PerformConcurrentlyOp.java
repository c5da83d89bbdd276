package dev.sol.dialect.scf;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Ends the region of scf.foreach_thread. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "scf.foreach_thread.perform_concurrently"(...) : (...) -> (...)}</pre>
 */
public final class PerformConcurrentlyOp extends Operation implements IsTerminator, NoTerminator, HasParent {
  public static final OpSpec SPEC = OpSpec.named("scf.foreach_thread.perform_concurrently", PerformConcurrentlyOp.class, PerformConcurrentlyOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY).variadicRegions();

  private PerformConcurrentlyOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public java.util.List<String> allowedParents() { return java.util.List.of("scf.foreach_thread"); }
}
