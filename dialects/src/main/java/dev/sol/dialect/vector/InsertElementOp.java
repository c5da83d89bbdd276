package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Inserts an element at a dynamic position. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.insertelement"(...) : (...) -> (...)}</pre>
 */
public final class InsertElementOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.insertelement", InsertElementOp.class, InsertElementOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private InsertElementOp(OperationState state) {
    super(state, SPEC);
  }
}
