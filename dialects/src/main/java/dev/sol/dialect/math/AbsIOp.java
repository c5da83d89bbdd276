package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Integer absolute value. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.absi"(...) : (...) -> (...)}</pre>
 */
public final class AbsIOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("math.absi", AbsIOp.class, AbsIOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private AbsIOp(OperationState state) {
    super(state, SPEC);
  }

  public static AbsIOp create(Builder b, Location loc, Value operand) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(operand).results(operand.type()));
  }
}
