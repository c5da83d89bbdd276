package dev.sol.ir;

/** Tensors, memrefs and vectors: a shape (-1 for a dynamic dimension) and an element type. */
public interface ShapedType {
  long DYNAMIC = Long.MIN_VALUE;

  Type element();

  /** The shape, or null when unranked. The array must not be modified. */
  long[] shape();

  default boolean hasRank() { return shape() != null; }

  default int rank() { return shape().length; }

  default boolean hasStaticShape() {
    if (!hasRank()) return false;
    for (long d : shape()) if (d == DYNAMIC) return false;
    return true;
  }

  /** Number of elements of a static shape. */
  default long numElements() {
    long n = 1;
    for (long d : shape()) n *= d;
    return n;
  }

  static String dims(long[] shape) {
    StringBuilder sb = new StringBuilder();
    for (long d : shape) sb.append(d == DYNAMIC ? "?" : Long.toString(d)).append('x');
    return sb.toString();
  }
}
