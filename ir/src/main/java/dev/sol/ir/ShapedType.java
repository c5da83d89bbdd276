package dev.sol.ir;

import java.math.BigInteger;
import java.util.Arrays;

/** Tensors, memrefs and vectors: a shape ({@link #DYNAMIC} for a dynamic dimension) and an element type. */
public interface ShapedType {
  long DYNAMIC = Long.MIN_VALUE;

  /**
   * The most elements a shaped type of SOL may have, and so the largest dimension: constant
   * folding and the interpreter hold elements in Java arrays, which an int indexes. Types
   * made from user input (parsed IR, imported models, inferred results) are checked against
   * it with {@link #shapeProblem}.
   */
  long MAX_ELEMENTS = Integer.MAX_VALUE;

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

  /** Number of elements of a static shape; ArithmeticException when it does not fit a long. */
  default long numElements() { return elementCount(shape()); }

  /** The product of the dimensions (0 when one is 0); ArithmeticException when it does not fit a long. */
  static long elementCount(long[] shape) {
    for (long d : shape) if (d == 0) return 0;
    long n = 1;
    for (long d : shape) n = Math.multiplyExact(n, d);
    return n;
  }

  /**
   * Why a shape cannot be SOL's, or null when it can: a dimension below 0 (other than
   * {@link #DYNAMIC}) or more than {@link #MAX_ELEMENTS} elements in a dimension or in all
   * the static ones together. The answer reads after the shape: "[4, -1] has a negative
   * dimension (-1)".
   */
  static String shapeProblem(long[] shape) {
    BigInteger count = BigInteger.ONE;
    for (long d : shape) {
      if (d == DYNAMIC) continue;
      if (d < 0) return "has a negative dimension (" + d + ")";
      if (d > MAX_ELEMENTS) return "has a dimension of " + d + ", more than SOL's limit of " + MAX_ELEMENTS;
      count = count.multiply(BigInteger.valueOf(d));
    }
    if (count.compareTo(BigInteger.valueOf(MAX_ELEMENTS)) > 0) {
      return "has " + count + " elements, more than SOL's limit of " + MAX_ELEMENTS;
    }
    return null;
  }

  /** {@code [2, ?, 4]}: a shape as messages show it. */
  static String describe(long[] shape) {
    return Arrays.stream(shape).mapToObj(d -> d == DYNAMIC ? "?" : Long.toString(d)).toList().toString();
  }

  static String dims(long[] shape) {
    StringBuilder sb = new StringBuilder();
    for (long d : shape) sb.append(d == DYNAMIC ? "?" : Long.toString(d)).append('x');
    return sb.toString();
  }
}
