package dev.sol.runtime;

import java.util.Arrays;

/** What a model input or output is: its element type and its (static) shape. */
public final class TensorInfo {
  private final ElementType elementType;
  private final long[] shape;

  public TensorInfo(ElementType elementType, long[] shape) {
    if (elementType == null) throw new IllegalArgumentException("the element type must not be null");
    for (long d : shape) if (d < 0) throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
    this.elementType = elementType;
    this.shape = shape.clone();
  }

  public ElementType elementType() { return elementType; }

  /** The dimensions (a copy). */
  public long[] shape() { return shape.clone(); }

  public int rank() { return shape.length; }

  /** The number of elements: the product of the dimensions. */
  public long elementCount() { return SolTensor.count(shape); }

  /** The size in bytes. */
  public long byteSize() { return elementCount() * elementType.byteSize(); }

  boolean sameShape(long[] other) { return Arrays.equals(shape, other); }

  @Override public boolean equals(Object o) {
    return o instanceof TensorInfo t && t.elementType == elementType && Arrays.equals(t.shape, shape);
  }

  @Override public int hashCode() { return elementType.hashCode() * 31 + Arrays.hashCode(shape); }

  /** The IR's spelling, e.g. {@code tensor<1x3x224x224xf32>}. */
  @Override public String toString() {
    StringBuilder sb = new StringBuilder("tensor<");
    for (long d : shape) sb.append(d).append('x');
    return sb.append(elementType.irName()).append('>').toString();
  }
}
