package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Reinterprets the bits of a value of the same width.
 *
 * <pre>{@code %1 = "arith.bitcast"(%0) : (f32) -> i32}</pre>
 */
public final class BitcastOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("arith.bitcast", BitcastOp.class, BitcastOp::new)
      .operand("in", SIGNLESS_INT_OR_FLOAT_LIKE).result("out", SIGNLESS_INT_OR_FLOAT_LIKE);

  private BitcastOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.SAME_WIDTH);
  }
}
