package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Float to unsigned integer, rounding toward zero.
 *
 * <pre>{@code %1 = "arith.fptoui"(%0) : (f32) -> i32}</pre>
 */
public final class FPToUIOp extends Operation implements Pure, Foldable {
  public static final OpSpec SPEC = OpSpec.named("arith.fptoui", FPToUIOp.class, FPToUIOp::new)
      .operand("in", FLOAT_LIKE).result("out", SIGNLESS_FIXED_INT_LIKE);

  private FPToUIOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.ANY);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return one(floatToInt(c.get(0), result(0).type(), true));
  }
}
