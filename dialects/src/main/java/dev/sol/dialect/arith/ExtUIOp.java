package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.ElementCast;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Zero-extends an integer.
 *
 * <pre>{@code %1 = "arith.extui"(%0) : (i8) -> i32}</pre>
 */
public final class ExtUIOp extends Operation implements Pure, Foldable, ElementCast {
  public static final OpSpec SPEC = OpSpec.named("arith.extui", ExtUIOp.class, ExtUIOp::new)
      .operand("in", SIGNLESS_FIXED_INT_LIKE).result("out", SIGNLESS_FIXED_INT_LIKE);

  private ExtUIOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  /** Converts {@code in} to {@code resultType} (a scalar, or a vector or tensor of the same shape). */
  public static ExtUIOp create(Builder b, Location loc, Value in, Type resultType) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(in).results(resultType));
  }

  /** Zero extension: the unsigned view of the operand at its width. */
  @Override public Number convert(Number value, Type from, Type to) {
    return unsigned(value.longValue(), from);
  }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.WIDER);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    return one(castInts(c.get(0), in().type(), result().type(), this));
  }
}
