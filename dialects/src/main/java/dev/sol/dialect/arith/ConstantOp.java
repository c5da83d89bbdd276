package dev.sol.dialect.arith;

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

  /** The constant {@code value} (an integer, float or dense elements attribute), of the value's type. */
  /** The value of {@code v} when an arith.constant with an integer (or index) attribute defines it; null otherwise. */
  public static Long integerValue(Value v) {
    return v.definingOp() instanceof ConstantOp c && c.value() instanceof IntegerAttr i ? i.value() : null;
  }

  public static ConstantOp create(Builder b, Location loc, Attribute value) {
    Type type = typeOf(value);
    if (type == null) throw new IllegalArgumentException("arith.constant needs an integer, float or dense elements value, got " + value);
    return b.create(SPEC, new OperationState(SPEC.name(), loc).attribute("value", value).results(type));
  }

  /** {@code arith.constant <value> : index}. */
  public static ConstantOp index(Builder b, Location loc, long value) {
    return create(b, loc, IntegerAttr.index(value));
  }

  /** An integer constant of an integer or index {@code type}, wrapped to its width. */
  public static ConstantOp integer(Builder b, Location loc, long value, Type type) {
    return create(b, loc, new IntegerAttr(type, value));
  }

  /** A float constant of float {@code type}, rounded to it. */
  public static ConstantOp floating(Builder b, Location loc, double value, FloatType type) {
    return create(b, loc, new FloatAttr(type, value));
  }

  /** {@code value} as a constant of a float type, or truncated toward zero to an integer or index type. */
  public static ConstantOp of(Builder b, Location loc, double value, Type type) {
    return type instanceof FloatType f ? floating(b, loc, value, f) : integer(b, loc, (long) value, type);
  }

  /** The type a constant of {@code value} has, or null when arith.constant cannot hold it. */
  static Type typeOf(Attribute value) {
    return switch (value) {
      case IntegerAttr i -> i.type();
      case FloatAttr f -> f.type();
      case DenseElementsAttr d -> d.type();
      default -> null;
    };
  }

  @Override public boolean verify(Diagnostics diag) {
    Type type = result().type();
    if (!type.equals(typeOf(value()))) {
      return diag.report(opError("failed to verify that all of {value, result} have same type"));
    }
    if (type instanceof IntegerType it && !it.isSignless()) return diag.report(opError("integer return type must be signless"));
    return true;
  }
}
