package dev.sol.ir;

import java.util.Arrays;
import java.util.Objects;

/** {@code tensor<1x3xf32>}, optionally with an encoding attribute. */
public record RankedTensorType(long[] shape, Type element, Attribute encoding) implements Type, ShapedType {
  public RankedTensorType(long[] shape, Type element) { this(shape, element, null); }

  public RankedTensorType {
    shape = shape.clone();
  }

  @Override public boolean equals(Object o) {
    return o instanceof RankedTensorType t && Arrays.equals(shape, t.shape) && element.equals(t.element)
        && Objects.equals(encoding, t.encoding);
  }

  @Override public int hashCode() { return Arrays.hashCode(shape) * 31 + element.hashCode(); }

  @Override public String toString() {
    return "tensor<" + ShapedType.dims(shape) + element + (encoding == null ? "" : ", " + encoding) + ">";
  }
}
