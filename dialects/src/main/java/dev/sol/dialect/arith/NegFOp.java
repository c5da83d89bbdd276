package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.FloatElementwise;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Floating-point negation.
 *
 * <pre>{@code %1 = "arith.negf"(%0) : (f32) -> f32}</pre>
 */
public final class NegFOp extends Operation implements Pure, SameOperandsAndResultType, Foldable, FloatElementwise {
  public static final OpSpec SPEC = OpSpec.named("arith.negf", NegFOp.class, NegFOp::new)
      .operand("operand", FLOAT_LIKE).result("result", FLOAT_LIKE).optionalAttribute("fastmath", DIALECT_ATTR);

  private NegFOp(OperationState state) {
    super(state, SPEC);
  }

  public Value operand() { return operand(0); }

  public static NegFOp create(Builder b, Location loc, Value operand) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(operand).results(operand.type()));
  }

  @Override public double apply(double... x) { return -x[0]; }

  @Override public List<Object> fold(List<Attribute> c) {
    if (operand().definingOp() instanceof NegFOp inner) return List.of(inner.operand());
    return one(elementwise(this, c, result().type()));
  }
}
