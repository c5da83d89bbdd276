package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A constant integer, float or dense elements value.
 *
 * <pre>{@code %0 = "arith.constant"() {value = 1.000000e+00 : f32} : () -> f32}</pre>
 */
public final class ConstantOp extends Operation implements Pure, ConstantLike {
  public static final OpSpec SPEC = OpSpec.named("arith.constant", ConstantOp.class, ConstantOp::new)
      .attribute("value", TYPED).result("result", ANY);

  private ConstantOp(OperationState state) {
    super(state, SPEC);
  }

  public Attribute value() { return attribute("value"); }

  @Override public boolean verify(Diagnostics diag) {
    Attribute v = value();
    Type valueType = switch (v) {
      case IntegerAttr i -> i.type();
      case FloatAttr f -> f.type();
      case DenseElementsAttr d -> d.type();
      default -> null;
    };
    Type type = result().type();
    if (!type.equals(valueType)) {
      return diag.report(opError("failed to verify that all of {value, result} have same type"));
    }
    if (type instanceof IntegerType it && !it.isSignless()) return diag.report(opError("integer return type must be signless"));
    return true;
  }
}
