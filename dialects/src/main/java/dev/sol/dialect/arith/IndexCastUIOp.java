package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Converts between index and integers, zero-extending.
 *
 * <pre>{@code %1 = "arith.index_castui"(%0) : (index) -> i64}</pre>
 */
public final class IndexCastUIOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("arith.index_castui", IndexCastUIOp.class, IndexCastUIOp::new)
      .operand("in", SIGNLESS_INT_LIKE).result("out", SIGNLESS_INT_LIKE);

  private IndexCastUIOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.INDEX);
  }
}
