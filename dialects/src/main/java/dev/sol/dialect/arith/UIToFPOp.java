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
 * Unsigned integer to float.
 *
 * <pre>{@code %1 = "arith.uitofp"(%0) : (i32) -> f32}</pre>
 */
public final class UIToFPOp extends Operation implements Pure, Foldable, ElementCast {
  public static final OpSpec SPEC = OpSpec.named("arith.uitofp", UIToFPOp.class, UIToFPOp::new)
      .operand("in", SIGNLESS_FIXED_INT_LIKE).result("out", FLOAT_LIKE);

  private UIToFPOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  /** Converts {@code in} to {@code resultType} (a scalar, or a vector or tensor of the same shape). */
  public static UIToFPOp create(Builder b, Location loc, Value in, Type resultType) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(in).results(resultType));
  }

  /** The unsigned view of the operand; values of 2^63 and above go through BigDecimal. */
  @Override public Number convert(Number value, Type from, Type to) {
    long v = unsigned(value.longValue(), from);
    if (v < 0) return new BigDecimal(Long.toUnsignedString(v)).doubleValue();
    return to.equals(FloatType.F32) ? (double) (float) v : (double) v;
  }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.ANY);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return one(castScalar(c.get(0), in().type(), result().type(), this));
  }
}
