package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A prefix scan. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.scan"(...) : (...) -> (...)}</pre>
 */
public final class ScanOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.scan", ScanOp.class, ScanOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private ScanOp(OperationState state) {
    super(state, SPEC);
  }
}
