package dev.sol.ir;

import java.util.Arrays;

/**
 * {@code array<i64: 1, 2, 3>}: a flat array of integers ({@code ints}) or floats
 * ({@code floats}); exactly one of the two arrays is non-null.
 */
public record DenseArrayAttr(Type elementType, long[] ints, double[] floats) implements Attribute {
  public static DenseArrayAttr ofLongs(IntegerType type, long... values) {
    long[] v = values.clone();
    for (int i = 0; i < v.length; i++) v[i] = IntegerAttr.normalize(type, v[i]);
    return new DenseArrayAttr(type, v, null);
  }

  public static DenseArrayAttr i64(long... values) { return ofLongs(IntegerType.I64, values); }
  public static DenseArrayAttr i32(long... values) { return ofLongs(IntegerType.I32, values); }

  public static DenseArrayAttr ofDoubles(FloatType type, double... values) {
    double[] v = values.clone();
    for (int i = 0; i < v.length; i++) v[i] = FloatFormat.roundTo(type, v[i]);
    return new DenseArrayAttr(type, null, v);
  }

  public int size() { return ints != null ? ints.length : floats.length; }

  @Override public boolean equals(Object o) {
    return o instanceof DenseArrayAttr a && elementType.equals(a.elementType) && Arrays.equals(ints, a.ints)
        && Arrays.equals(floats, a.floats);
  }

  @Override public int hashCode() { return elementType.hashCode() * 31 + Arrays.hashCode(ints) + Arrays.hashCode(floats); }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("array<").append(elementType);
    int n = size();
    if (n > 0) sb.append(": ");
    for (int i = 0; i < n; i++) {
      if (i > 0) sb.append(", ");
      if (ints != null) sb.append(IntegerAttr.valueText(elementType, ints[i]));
      else sb.append(FloatFormat.format((FloatType) elementType, floats[i]));
    }
    return sb.append('>').toString();
  }
}
