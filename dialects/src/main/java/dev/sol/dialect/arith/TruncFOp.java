package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.ElementCast;
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
public final class TruncFOp extends Operation implements Pure, Foldable, ElementCast {
  public static final OpSpec SPEC = OpSpec.named("arith.truncf", TruncFOp.class, TruncFOp::new)
      .operand("in", FLOAT_LIKE).result("out", FLOAT_LIKE);

  private TruncFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  /** Converts {@code in} to {@code resultType} (a scalar, or a vector or tensor of the same shape). */
  public static TruncFOp create(Builder b, Location loc, Value in, Type resultType) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(in).results(resultType));
  }

  /** Storing the value in the narrower type rounds it to nearest even. */
  @Override public Number convert(Number value, Type from, Type to) {
    return value;
  }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.NARROWER);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return c.get(0) instanceof FloatAttr ? one(castScalar(c.get(0), in().type(), result().type(), this)) : null;
  }
}
