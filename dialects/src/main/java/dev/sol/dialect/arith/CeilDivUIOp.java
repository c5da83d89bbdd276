package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Unsigned division rounding up. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "arith.ceildivui"(...) : (...) -> (...)}</pre>
 */
public final class CeilDivUIOp extends Operation implements Pure, TrapsOnZeroDivisor {
  public static final OpSpec SPEC = OpSpec.named("arith.ceildivui", CeilDivUIOp.class, CeilDivUIOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private CeilDivUIOp(OperationState state) {
    super(state, SPEC);
  }

  public static CeilDivUIOp create(Builder b, Location loc, Value lhs, Value rhs) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(lhs, rhs).results(lhs.type()));
  }
}
