package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Sign-extends an integer.
 *
 * <pre>{@code %1 = "arith.extsi"(%0) : (i8) -> i32}</pre>
 */
public final class ExtSIOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("arith.extsi", ExtSIOp.class, ExtSIOp::new)
      .operand("in", SIGNLESS_FIXED_INT_LIKE).result("out", SIGNLESS_FIXED_INT_LIKE);

  private ExtSIOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.WIDER);
  }
}
