package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Set bits. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.ctpop"(...) : (...) -> (...)}</pre>
 */
public final class CtPopOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("math.ctpop", CtPopOp.class, CtPopOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private CtPopOp(OperationState state) {
    super(state, SPEC);
  }

  public static CtPopOp create(Builder b, Location loc, Value operand) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(operand).results(operand.type()));
  }
}
