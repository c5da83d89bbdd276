package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Ends the region of generic_atomic_rmw. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "memref.atomic_yield"(...) : (...) -> (...)}</pre>
 */
public final class AtomicYieldOp extends Operation implements IsTerminator, HasParent {
  public static final OpSpec SPEC = OpSpec.named("memref.atomic_yield", AtomicYieldOp.class, AtomicYieldOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private AtomicYieldOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public java.util.List<String> allowedParents() { return java.util.List.of("memref.generic_atomic_rmw"); }
}
