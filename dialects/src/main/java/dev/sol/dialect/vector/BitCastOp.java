package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Reinterprets vector bits. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.bitcast"(...) : (...) -> (...)}</pre>
 */
public final class BitCastOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.bitcast", BitCastOp.class, BitCastOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private BitCastOp(OperationState state) {
    super(state, SPEC);
  }
}
