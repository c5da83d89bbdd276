package dev.sol.dialect.math;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Integer power. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "math.ipowi"(...) : (...) -> (...)}</pre>
 */
public final class IPowIOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("math.ipowi", IPowIOp.class, IPowIOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private IPowIOp(OperationState state) {
    super(state, SPEC);
  }

  /** The result has the type of {@code lhs}. */
  public static IPowIOp create(Builder b, Location loc, Value lhs, Value rhs) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(lhs, rhs).results(lhs.type()));
  }
}
