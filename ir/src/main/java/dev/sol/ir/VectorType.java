package dev.sol.ir;

import java.util.Arrays;

/** {@code vector<4xf32>}: a fixed-size SIMD value. */
public record VectorType(long[] shape, Type element) implements Type, ShapedType {
  public VectorType {
    shape = shape.clone();
  }

  @Override public boolean equals(Object o) {
    return o instanceof VectorType t && Arrays.equals(shape, t.shape) && element.equals(t.element);
  }

  @Override public int hashCode() { return Arrays.hashCode(shape) * 31 + element.hashCode(); }

  @Override public String toString() { return "vector<" + ShapedType.dims(shape) + element + ">"; }
}
