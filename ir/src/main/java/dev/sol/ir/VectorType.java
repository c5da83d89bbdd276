package dev.sol.ir;

import java.util.Arrays;

/**
 * {@code vector<4xf32>}: a fixed-size SIMD value. Dimensions marked in {@code scalableDims}
 * are scalable, {@code vector<[4]xf32>}: the hardware multiplies them by a runtime factor
 * (vscale, as in Arm SVE). MLIR 16 allows only a trailing run of scalable dimensions and
 * writes the run in one pair of brackets, {@code vector<2x[4x8]xf32>}; the constructor
 * enforces that, so that every instance prints in a form MLIR 16 reads.
 */
public record VectorType(long[] shape, Type element, boolean[] scalableDims) implements Type, ShapedType {
  public VectorType {
    shape = shape.clone();
    scalableDims = scalableDims.clone();
    if (scalableDims.length != shape.length) {
      throw new IllegalArgumentException("scalableDims has " + scalableDims.length + " entries for " + shape.length + " dimensions");
    }
    for (int i = 1; i < scalableDims.length; i++) {
      if (scalableDims[i - 1] && !scalableDims[i]) {
        throw new IllegalArgumentException("scalable dimensions must be trailing (MLIR 16): " + Arrays.toString(scalableDims));
      }
    }
  }

  /** A vector of fixed size. */
  public VectorType(long[] shape, Type element) {
    this(shape, element, new boolean[shape.length]);
  }

  /** A vector whose last {@code numScalable} dimensions are scalable, as MLIR 16 counts them. */
  public static VectorType scalable(long[] shape, Type element, int numScalable) {
    boolean[] scalable = new boolean[shape.length];
    Arrays.fill(scalable, shape.length - numScalable, shape.length, true);
    return new VectorType(shape, element, scalable);
  }

  /** The array must not be modified. */
  @Override public boolean[] scalableDims() { return scalableDims; }

  public boolean isScalable() { return numScalableDims() > 0; }

  public int numScalableDims() {
    int n = 0;
    for (boolean s : scalableDims) if (s) n++;
    return n;
  }

  /** The same shape and scalability with another element type. */
  public VectorType withElement(Type newElement) { return new VectorType(shape, newElement, scalableDims); }

  @Override public boolean equals(Object o) {
    return o instanceof VectorType t && Arrays.equals(shape, t.shape) && element.equals(t.element)
        && Arrays.equals(scalableDims, t.scalableDims);
  }

  @Override public int hashCode() { return (Arrays.hashCode(shape) * 31 + element.hashCode()) * 31 + Arrays.hashCode(scalableDims); }

  @Override public String toString() {
    int fixed = shape.length - numScalableDims();
    StringBuilder sb = new StringBuilder("vector<").append(ShapedType.dims(Arrays.copyOf(shape, fixed)));
    if (fixed < shape.length) {
      String run = ShapedType.dims(Arrays.copyOfRange(shape, fixed, shape.length));
      sb.append('[').append(run, 0, run.length() - 1).append("]x");
    }
    return sb.append(element).append('>').toString();
  }
}
