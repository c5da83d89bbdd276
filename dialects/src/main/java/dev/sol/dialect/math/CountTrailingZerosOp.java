package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Trailing zero bits. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.cttz"(...) : (...) -> (...)}</pre>
 */
public final class CountTrailingZerosOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("math.cttz", CountTrailingZerosOp.class, CountTrailingZerosOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private CountTrailingZerosOp(OperationState state) {
    super(state, SPEC);
  }

  public static CountTrailingZerosOp create(Builder b, Location loc, Value operand) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(operand).results(operand.type()));
  }
}
