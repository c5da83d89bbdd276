package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * An atomic read-modify-write. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "memref.atomic_rmw"(...) : (...) -> (...)}</pre>
 */
public final class AtomicRMWOp extends Operation {
  public static final OpSpec SPEC = OpSpec.named("memref.atomic_rmw", AtomicRMWOp.class, AtomicRMWOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private AtomicRMWOp(OperationState state) {
    super(state, SPEC);
  }
}
