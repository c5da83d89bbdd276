package dev.sol.dialect.arith;

import dev.sol.ir.*;

/** Creates arith.constant operations for folded values; the other dialects use it too. */
public final class ArithConstants {
  private ArithConstants() {}

  /** An arith.constant of {@code value}, or null when the value cannot be one of {@code type}. */
  public static Operation materialize(Builder builder, Attribute value, Type type, Location loc) {
    Type valueType = ConstantOp.typeOf(value);
    if (valueType == null || !valueType.equals(type)) return null;
    return ConstantOp.create(builder, loc, value);
  }

  /** Creates {@code arith.constant <value> : index}. */
  public static Value index(Builder builder, long value, Location loc) {
    return ConstantOp.index(builder, loc, value).result();
  }
}
