package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;
import java.util.List;

/**
 * Chooses between two values by an i1 condition (elementwise for shaped conditions).
 *
 * <pre>{@code %3 = "arith.select"(%0, %1, %2) : (i1, f32, f32) -> f32}</pre>
 */
public final class SelectOp extends Operation implements Pure, Foldable {
  public static final OpSpec SPEC = OpSpec.named("arith.select", SelectOp.class, SelectOp::new)
      .operand("condition", BOOL_LIKE).operand("true_value", ANY).operand("false_value", ANY).result("result", ANY);

  private SelectOp(OperationState state) {
    super(state, SPEC);
  }

  public Value condition() { return operand(0); }
  public Value trueValue() { return operand(1); }
  public Value falseValue() { return operand(2); }

  /** {@code condition ? trueValue : falseValue}; the result has the type of the two values. */
  public static SelectOp create(Builder b, Location loc, Value condition, Value trueValue, Value falseValue) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(condition, trueValue, falseValue).results(trueValue.type()));
  }

  @Override public boolean verify(Diagnostics diag) {
    Type t = result().type();
    if (!trueValue().type().equals(t) || !falseValue().type().equals(t)) {
      return diag.report(opError("failed to verify that all of {true_value, false_value, result} have same type"));
    }
    Type c = condition().type();
    if (!c.equals(IntegerType.I1) && !(Constraints.shapeOf(c) != null && Constraints.sameShape(c, t))) {
      return diag.report(opError("expected condition to be a signless i1, but got '" + c + "'"));
    }
    return true;
  }

  @Override public List<Object> fold(List<Attribute> c) {
    if (trueValue() == falseValue()) return List.of(trueValue());
    if (c.get(0) instanceof IntegerAttr cond) return List.of(cond.value() != 0 ? trueValue() : falseValue());
    if (result().type().equals(IntegerType.I1) && isInt(c.get(1), 1) && isInt(c.get(2), 0)) return List.of(condition());
    return null;
  }
}
