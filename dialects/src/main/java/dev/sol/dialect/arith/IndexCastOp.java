package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
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
public final class IndexCastOp extends Operation implements Pure, Foldable {
  public static final OpSpec SPEC = OpSpec.named("arith.index_cast", IndexCastOp.class, IndexCastOp::new)
      .operand("in", SIGNLESS_INT_LIKE).result("out", SIGNLESS_INT_LIKE);

  private IndexCastOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.INDEX);
  }

  @Override public List<Object> fold(List<Attribute> c) {
    if (in().definingOp() instanceof IndexCastOp inner && inner.in().type().equals(result(0).type())) return List.of(inner.in());
    return one(unaryInt(c.get(0), result(0).type(), a -> a));
  }
}
