package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Reinterprets a buffer with a new offset, sizes and strides. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "memref.reinterpret_cast"(...) : (...) -> (...)}</pre>
 */
public final class ReinterpretCastOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("memref.reinterpret_cast", ReinterpretCastOp.class, ReinterpretCastOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private ReinterpretCastOp(OperationState state) {
    super(state, SPEC);
  }
}
