package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.ElementCast;
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
public final class FPToSIOp extends Operation implements Pure, Foldable, ElementCast {
  public static final OpSpec SPEC = OpSpec.named("arith.fptosi", FPToSIOp.class, FPToSIOp::new)
      .operand("in", FLOAT_LIKE).result("out", SIGNLESS_FIXED_INT_LIKE);

  private FPToSIOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  /** Converts {@code in} to {@code resultType} (a scalar, or a vector or tensor of the same shape). */
  public static FPToSIOp create(Builder b, Location loc, Value in, Type resultType) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(in).results(resultType));
  }

  /**
   * Rounds toward zero. Out of range MLIR has poison, so fold declines; this gives Java's
   * saturating conversion, which the interpreter then wraps to the result width.
   */
  @Override public Number convert(Number value, Type from, Type to) {
    return (long) value.doubleValue();
  }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.ANY);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return c.get(0) instanceof FloatAttr f && fitsInt(f.value(), width(result().type()), false)
        ? one(castScalar(f, in().type(), result().type(), this)) : null;
  }
}
