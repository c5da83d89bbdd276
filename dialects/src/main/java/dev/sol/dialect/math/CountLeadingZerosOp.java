package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Leading zero bits. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.ctlz"(...) : (...) -> (...)}</pre>
 */
public final class CountLeadingZerosOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("math.ctlz", CountLeadingZerosOp.class, CountLeadingZerosOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private CountLeadingZerosOp(OperationState state) {
    super(state, SPEC);
  }

  public static CountLeadingZerosOp create(Builder b, Location loc, Value operand) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(operand).results(operand.type()));
  }
}
