package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Unsigned integer to float.
 *
 * <pre>{@code %1 = "arith.uitofp"(%0) : (i32) -> f32}</pre>
 */
public final class UIToFPOp extends Operation implements Pure, Foldable {
  public static final OpSpec SPEC = OpSpec.named("arith.uitofp", UIToFPOp.class, UIToFPOp::new)
      .operand("in", SIGNLESS_FIXED_INT_LIKE).result("out", FLOAT_LIKE);

  private UIToFPOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.ANY);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return one(intToFloat(c.get(0), result(0).type(), true, in().type()));
  }
}
