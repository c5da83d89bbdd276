package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Extracts an element at a dynamic position. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.extractelement"(...) : (...) -> (...)}</pre>
 */
public final class ExtractElementOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.extractelement", ExtractElementOp.class, ExtractElementOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private ExtractElementOp(OperationState state) {
    super(state, SPEC);
  }

  public Value vector() { return operand(0); }
  /** The dynamic position, or null for a 0-D vector. */
  public Value position() { return numOperands() > 1 ? operand(1) : null; }
}
