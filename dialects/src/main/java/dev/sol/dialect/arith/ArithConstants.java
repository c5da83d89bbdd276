package dev.sol.dialect.arith;

import dev.sol.ir.*;

/** Creates arith.constant operations for folded values; the other dialects use it too. */
public final class ArithConstants {
  private ArithConstants() {}

  public static Operation materialize(Builder builder, Attribute value, Type type, Location loc) {
    Type valueType = switch (value) {
      case IntegerAttr i -> i.type();
      case FloatAttr f -> f.type();
      case DenseElementsAttr d -> d.type();
      default -> null;
    };
    if (valueType == null || !valueType.equals(type)) return null;
    return builder.create(new OperationState(ConstantOp.SPEC.name(), loc).attribute("value", value).results(type));
  }

  /** Creates {@code arith.constant <value> : index}. */
  public static Value index(Builder builder, long value, Location loc) {
    return materialize(builder, IntegerAttr.index(value), IndexType.INSTANCE, loc).result(0);
  }
}
