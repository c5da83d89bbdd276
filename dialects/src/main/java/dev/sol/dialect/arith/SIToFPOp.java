package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Signed integer to float.
 *
 * <pre>{@code %1 = "arith.sitofp"(%0) : (i32) -> f32}</pre>
 */
public final class SIToFPOp extends Operation implements Pure, Foldable {
  public static final OpSpec SPEC = OpSpec.named("arith.sitofp", SIToFPOp.class, SIToFPOp::new)
      .operand("in", SIGNLESS_FIXED_INT_LIKE).result("out", FLOAT_LIKE);

  private SIToFPOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.ANY);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return one(intToFloat(c.get(0), result(0).type(), false, in().type()));
  }
}
