package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Truncates an integer.
 *
 * <pre>{@code %1 = "arith.trunci"(%0) : (i32) -> i8}</pre>
 */
public final class TruncIOp extends Operation implements Pure, Foldable {
  public static final OpSpec SPEC = OpSpec.named("arith.trunci", TruncIOp.class, TruncIOp::new)
      .operand("in", SIGNLESS_FIXED_INT_LIKE).result("out", SIGNLESS_FIXED_INT_LIKE);

  private TruncIOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.NARROWER);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return one(unaryInt(c.get(0), result(0).type(), a -> a));
  }
}
