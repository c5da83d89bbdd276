package dev.sol.ir;

/**
 * {@code 42 : i64}, {@code true}. The value is normalized to the type's width: sign-extended
 * for signless and signed types, zero-extended for unsigned ones.
 */
public record IntegerAttr(Type type, long value) implements Attribute {
  public IntegerAttr {
    if (!(type instanceof IntegerType) && !(type instanceof IndexType)) {
      throw new IllegalArgumentException("integer attribute needs an integer or index type, got " + type);
    }
    value = normalize(type, value);
  }

  public static IntegerAttr of(boolean b) { return new IntegerAttr(IntegerType.I1, b ? 1 : 0); }
  public static IntegerAttr i64(long v) { return new IntegerAttr(IntegerType.I64, v); }
  public static IntegerAttr index(long v) { return new IntegerAttr(IndexType.INSTANCE, v); }

  /** Truncates a value to the width of an integer type. */
  public static long normalize(Type type, long value) {
    if (!(type instanceof IntegerType it) || it.width() >= 64) return value;
    int w = it.width();
    if (it.signedness() == IntegerType.Signedness.UNSIGNED || w == 1) return value & ((1L << w) - 1);
    return (value << (64 - w)) >> (64 - w);
  }

  public boolean isBool() { return type instanceof IntegerType it && it.width() == 1; }

  /** The value without the type suffix, as it appears in dense literals. */
  public static String valueText(Type type, long value) {
    if (type instanceof IntegerType it) {
      if (it.width() == 1) return value != 0 ? "true" : "false";
      if (it.signedness() == IntegerType.Signedness.UNSIGNED) return Long.toUnsignedString(value);
    }
    return Long.toString(value);
  }

  @Override public String toString() {
    if (isBool()) return valueText(type, value);
    return valueText(type, value) + " : " + type;
  }
}
