package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.ElementCast;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Converts between index and signless integers.
 *
 * <pre>{@code %1 = "arith.index_cast"(%0) : (index) -> i64}</pre>
 */
public final class IndexCastOp extends Operation implements Pure, Foldable, ElementCast {
  public static final OpSpec SPEC = OpSpec.named("arith.index_cast", IndexCastOp.class, IndexCastOp::new)
      .operand("in", SIGNLESS_INT_LIKE).result("out", SIGNLESS_INT_LIKE);

  private IndexCastOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  /** Converts {@code in} to {@code resultType} (a scalar, or a vector or tensor of the same shape). */
  public static IndexCastOp create(Builder b, Location loc, Value in, Type resultType) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(in).results(resultType));
  }

  /** Sign-extends or truncates: storing the value at the result width does both. */
  @Override public Number convert(Number value, Type from, Type to) {
    return value;
  }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.INDEX);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    if (in().definingOp() instanceof IndexCastOp inner && inner.in().type().equals(result(0).type())) return List.of(inner.in());
    return one(castInts(c.get(0), in().type(), result().type(), this));
  }
}
