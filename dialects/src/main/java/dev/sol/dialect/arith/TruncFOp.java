package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Narrows a float, rounding to nearest.
 *
 * <pre>{@code %1 = "arith.truncf"(%0) : (f32) -> f16}</pre>
 */
public final class TruncFOp extends Operation implements Pure, Foldable {
  public static final OpSpec SPEC = OpSpec.named("arith.truncf", TruncFOp.class, TruncFOp::new)
      .operand("in", FLOAT_LIKE).result("out", FLOAT_LIKE);

  private TruncFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.NARROWER);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return one(convertFloat(c.get(0), result(0).type()));
  }
}
