package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * An atomic update computed by a region. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "memref.generic_atomic_rmw"(...) : (...) -> (...)}</pre>
 */
public final class GenericAtomicRMWOp extends Operation {
  public static final OpSpec SPEC = OpSpec.named("memref.generic_atomic_rmw", GenericAtomicRMWOp.class, GenericAtomicRMWOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY).variadicRegions();

  private GenericAtomicRMWOp(OperationState state) {
    super(state, SPEC);
  }
}
