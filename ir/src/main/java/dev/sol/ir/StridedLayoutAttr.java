package dev.sol.ir;

import java.util.Arrays;

/** {@code strided<[4, 1], offset: ?>}; {@link ShapedType#DYNAMIC} marks a dynamic value. */
public record StridedLayoutAttr(long offset, long[] strides) implements Attribute {
  public StridedLayoutAttr {
    strides = strides.clone();
  }

  @Override public boolean equals(Object o) {
    return o instanceof StridedLayoutAttr s && offset == s.offset && Arrays.equals(strides, s.strides);
  }

  @Override public int hashCode() { return Long.hashCode(offset) * 31 + Arrays.hashCode(strides); }

  private static String dim(long v) { return v == ShapedType.DYNAMIC ? "?" : Long.toString(v); }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("strided<[");
    for (int i = 0; i < strides.length; i++) {
      if (i > 0) sb.append(", ");
      sb.append(dim(strides[i]));
    }
    sb.append(']');
    if (offset != 0) sb.append(", offset: ").append(dim(offset));
    return sb.append('>').toString();
  }
}
