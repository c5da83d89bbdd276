package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A scope whose stack allocations are freed at its end. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "memref.alloca_scope"(...) : (...) -> (...)}</pre>
 */
public final class AllocaScopeOp extends Operation implements RecursivelyPure {
  public static final OpSpec SPEC = OpSpec.named("memref.alloca_scope", AllocaScopeOp.class, AllocaScopeOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY).variadicRegions();

  private AllocaScopeOp(OperationState state) {
    super(state, SPEC);
  }
}
