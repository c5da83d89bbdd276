package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.ElementCast;
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
public final class SIToFPOp extends Operation implements Pure, Foldable, ElementCast {
  public static final OpSpec SPEC = OpSpec.named("arith.sitofp", SIToFPOp.class, SIToFPOp::new)
      .operand("in", SIGNLESS_FIXED_INT_LIKE).result("out", FLOAT_LIKE);

  private SIToFPOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  /** Converts {@code in} to {@code resultType} (a scalar, or a vector or tensor of the same shape). */
  public static SIToFPOp create(Builder b, Location loc, Value in, Type resultType) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(in).results(resultType));
  }

  /** Rounds once, to f32 directly (not through a double), so that large values round as in LLVM. */
  @Override public Number convert(Number value, Type from, Type to) {
    long v = value.longValue();
    return to.equals(FloatType.F32) ? (double) (float) v : (double) v;
  }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.ANY);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return one(castScalar(c.get(0), in().type(), result().type(), this));
  }
}
