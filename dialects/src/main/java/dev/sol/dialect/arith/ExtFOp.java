package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.ElementCast;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Widens a float.
 *
 * <pre>{@code %1 = "arith.extf"(%0) : (f16) -> f32}</pre>
 */
public final class ExtFOp extends Operation implements Pure, Foldable, ElementCast {
  public static final OpSpec SPEC = OpSpec.named("arith.extf", ExtFOp.class, ExtFOp::new)
      .operand("in", FLOAT_LIKE).result("out", FLOAT_LIKE);

  private ExtFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  /** Converts {@code in} to {@code resultType} (a scalar, or a vector or tensor of the same shape). */
  public static ExtFOp create(Builder b, Location loc, Value in, Type resultType) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(in).results(resultType));
  }

  /** Widening is exact. */
  @Override public Number convert(Number value, Type from, Type to) {
    return value;
  }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.WIDER);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return c.get(0) instanceof FloatAttr ? one(castScalar(c.get(0), in().type(), result().type(), this)) : null;
  }
}
