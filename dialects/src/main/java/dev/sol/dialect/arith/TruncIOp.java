package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.ElementCast;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Truncates an integer.
 *
 * <pre>{@code %1 = "arith.trunci"(%0) : (i32) -> i8}</pre>
 */
public final class TruncIOp extends Operation implements Pure, Foldable, ElementCast {
  public static final OpSpec SPEC = OpSpec.named("arith.trunci", TruncIOp.class, TruncIOp::new)
      .operand("in", SIGNLESS_FIXED_INT_LIKE).result("out", SIGNLESS_FIXED_INT_LIKE);

  private TruncIOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  /** Converts {@code in} to {@code resultType} (a scalar, or a vector or tensor of the same shape). */
  public static TruncIOp create(Builder b, Location loc, Value in, Type resultType) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(in).results(resultType));
  }

  /** Truncation: storing the value at the narrower width drops the high bits. */
  @Override public Number convert(Number value, Type from, Type to) {
    return value;
  }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.NARROWER);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return one(castInts(c.get(0), in().type(), result().type(), this));
  }
}
