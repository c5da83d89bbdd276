package dev.sol.runtime;

import dev.sol.dialect.nn.Tensor;

/** A memref in the interpreter: a view (offset, shape, strides) of a shared tensor. */
record Buffer(Tensor base, long offset, long[] shape, long[] strides) {
  static Buffer allocate(Tensor base) { return new Buffer(base, 0, base.shape(), Tensor.strides(base.shape())); }

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
    return java.util.Arrays.equals(strides, Tensor.strides(shape));
  }
}
