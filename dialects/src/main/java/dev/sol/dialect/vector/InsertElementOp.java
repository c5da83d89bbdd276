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

  public Value source() { return operand(0); }
  public Value dest() { return operand(1); }
  /** The dynamic position, or null for a 0-D vector. */
  public Value position() { return numOperands() > 2 ? operand(2) : null; }
}
