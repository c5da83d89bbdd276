package dev.sol.ir;

/** {@code 1.000000e+00 : f32}. The value is held as a double rounded to the type. */
public record FloatAttr(FloatType type, double value) implements Attribute {
  public FloatAttr {
    value = FloatFormat.roundTo(type, value);
  }

  @Override public boolean equals(Object o) {
    return o instanceof FloatAttr f && type.equals(f.type)
        && Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(f.value);
  }

  @Override public int hashCode() { return Double.hashCode(value) * 31 + type.hashCode(); }

  @Override public String toString() { return FloatFormat.format(type, value) + " : " + type; }
}
