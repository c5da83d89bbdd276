package dev.sol.runtime;

import dev.sol.dialect.nn.Tensor;
import java.util.Arrays;

/** A memref in the interpreter: a view (offset, shape, strides) of a shared tensor. */
record Buffer(Tensor base, long offset, long[] shape, long[] strides) {
  static Buffer allocate(Tensor base) { return new Buffer(base, 0, base.shape(), Tensor.strides(base.shape())); }

  /** The position in {@link #base} of the element at {@code idx}; throws when out of bounds. */
  int index(long[] idx) {
    long at = offset;
    for (int d = 0; d < idx.length; d++) {
      if (idx[d] < 0 || idx[d] >= shape[d]) {
        throw new Interpreter.InterpreterException("memref index " + idx[d] + " out of bounds for dimension " + d + " of size " + shape[d]);
      }
      at += idx[d] * strides[d];
    }
    return (int) at;
  }

  boolean isContiguous() {
    return Arrays.equals(strides, Tensor.strides(shape));
  }

  /** The element at {@code idx} as a rank-0 tensor. */
  Tensor load(long[] idx) {
    Tensor out = Tensor.zeros(base.element(), new long[0]);
    copy(base, index(idx), out, 0);
    return out;
  }

  /** Stores the single element of {@code scalar} at {@code idx}. */
  void store(long[] idx, Tensor scalar) {
    copy(scalar, 0, base, index(idx));
  }

  /** The elements of the view, copied into a new row-major tensor. */
  Tensor toTensor() {
    Tensor out = Tensor.zeros(base.element(), shape);
    if (out.size() == 0) return out;
    long[] idx = new long[shape.length];
    int f = 0;
    do {
      copy(base, index(idx), out, f++);
    } while (next(idx, shape));
    return out;
  }

  /** Copies element {@code i} of {@code from} to element {@code j} of {@code to}, exactly for integers. */
  static void copy(Tensor from, int i, Tensor to, int j) {
    if (to.isFloat()) to.set(j, from.get(i));
    else to.setLong(j, from.getLong(i));
  }

  /** Steps {@code idx} to the next index of {@code bounds} in row-major order; false after the last. */
  static boolean next(long[] idx, long[] bounds) {
    for (int d = idx.length - 1; d >= 0; d--) {
      if (++idx[d] < bounds[d]) return true;
      idx[d] = 0;
    }
    return false;
  }
}
