package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Ends the region of vector.mask. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.yield"(...) : (...) -> (...)}</pre>
 */
public final class YieldOp extends Operation implements IsTerminator, Pure, HasParent {
  public static final OpSpec SPEC = OpSpec.named("vector.yield", YieldOp.class, YieldOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private YieldOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public java.util.List<String> allowedParents() { return java.util.List.of("vector.mask"); }
}
