package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.ElementCast;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.math.BigDecimal;
import java.util.List;

/**
 * Float to unsigned integer, rounding toward zero.
 *
 * <pre>{@code %1 = "arith.fptoui"(%0) : (f32) -> i32}</pre>
 */
public final class FPToUIOp extends Operation implements Pure, Foldable, ElementCast {
  public static final OpSpec SPEC = OpSpec.named("arith.fptoui", FPToUIOp.class, FPToUIOp::new)
      .operand("in", FLOAT_LIKE).result("out", SIGNLESS_FIXED_INT_LIKE);

  private FPToUIOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  /** Converts {@code in} to {@code resultType} (a scalar, or a vector or tensor of the same shape). */
  public static FPToUIOp create(Builder b, Location loc, Value in, Type resultType) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(in).results(resultType));
  }

  /** Rounds toward zero; values from 2^63 to 2^64 wrap into the sign bit of the long. */
  @Override public Number convert(Number value, Type from, Type to) {
    double v = value.doubleValue();
    return v >= 0x1p63 && v < 0x1p64 ? new BigDecimal(v).toBigInteger().longValue() : (long) v;
  }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.ANY);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return c.get(0) instanceof FloatAttr f && fitsInt(f.value(), width(result().type()), true)
        ? one(castScalar(f, in().type(), result().type(), this)) : null;
  }
}
