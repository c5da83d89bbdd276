package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Float to signed integer, rounding toward zero.
 *
 * <pre>{@code %1 = "arith.fptosi"(%0) : (f32) -> i32}</pre>
 */
public final class FPToSIOp extends Operation implements Pure, Foldable {
  public static final OpSpec SPEC = OpSpec.named("arith.fptosi", FPToSIOp.class, FPToSIOp::new)
      .operand("in", FLOAT_LIKE).result("out", SIGNLESS_FIXED_INT_LIKE);

  private FPToSIOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.ANY);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return one(floatToInt(c.get(0), result(0).type(), false));
  }
}
