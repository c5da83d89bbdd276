package dev.sol.runtime;

import dev.sol.dialect.memref.GlobalOp;
import dev.sol.dialect.memref.CollapseShapeOp;
import dev.sol.dialect.memref.SubViewOp;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.MemRefType;
import dev.sol.ir.Operation;
import dev.sol.ir.ShapedType;
import dev.sol.ir.Symbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The memref ops in the interpreter: buffers, views of them and the module's globals. */
final class MemRefInterpreter {
  private final Operation module;
  private final Map<String, Buffer> globals = new HashMap<>();

  MemRefInterpreter(Operation module) { this.module = module; }

  /** The buffer of the memref.global {@code name}, made from its initial value on first use. */
  Buffer global(String name) {
    return globals.computeIfAbsent(name, k -> {
      GlobalOp g = (GlobalOp) Symbols.lookupIn(module, k);
      MemRefType type = g.type();
      Tensor data = g.initialValue() != null ? Tensor.fromAttribute(g.initialValue()) : Tensor.zeros(type.element(), type.shape());
      return Buffer.allocate(data.reshaped(type.shape()));
    });
  }

  /** A zeroed buffer of {@code type}, its dynamic dimensions sized by {@code dynamicSizes} in order. */
  static Buffer allocate(MemRefType type, long[] dynamicSizes) {
    long[] shape = type.shape().clone();
    int k = 0;
    for (int d = 0; d < shape.length; d++) if (shape[d] == ShapedType.DYNAMIC) shape[d] = dynamicSizes[k++];
    return Buffer.allocate(Tensor.zeros(type.element(), shape));
  }

  static void copy(Buffer from, Buffer to) {
    long[] idx = new long[from.shape().length];
    if (Tensor.count(from.shape()) == 0) return;
    do {
      Buffer.copy(from.base(), from.index(idx), to.base(), to.index(idx));
    } while (Buffer.next(idx, from.shape()));
  }

  /** The shape held by the 1-D integer buffer of memref.reshape. */
  static long[] shape(Buffer s) {
    long[] shape = new long[(int) s.shape()[0]];
    for (int i = 0; i < shape.length; i++) shape[i] = s.base().getLong(s.index(new long[] {i}));
    return shape;
  }

  /** {@code b} seen with another shape (collapse_shape, expand_shape, reshape): only contiguous views. */
  static Buffer reshape(Operation op, Buffer b, long[] shape) {
    if (!b.isContiguous()) throw new Interpreter.InterpreterException("'" + op.name() + "' of a non-contiguous view is not supported");
    return new Buffer(b.base(), b.offset(), shape, Tensor.strides(shape));
  }

  /**
   * {@code b} with the dimensions of each reassociation group merged: the group takes the
   * stride of its innermost dimension, so a view whose groups are contiguous (a slice of
   * channels, say) stays a view.
   */
  static Buffer collapse(CollapseShapeOp op, Buffer b) {
    if (b.isContiguous()) return reshape(op, b, ((MemRefType) op.result().type()).shape());
    int[][] groups = op.reassociation();
    long[] shape = new long[groups.length];
    long[] strides = new long[groups.length];
    for (int g = 0; g < groups.length; g++) {
      int[] dims = groups[g];
      shape[g] = 1;
      for (int i = 0; i < dims.length; i++) {
        shape[g] *= b.shape()[dims[i]];
        if (i + 1 < dims.length && b.strides()[dims[i]] != b.strides()[dims[i + 1]] * b.shape()[dims[i + 1]]) {
          throw new Interpreter.InterpreterException("'" + op.name() + "' of a view whose dimensions " + dims[i] + " and " + dims[i + 1]
              + " are not contiguous is not supported");
        }
      }
      strides[g] = b.strides()[dims[dims.length - 1]];
    }
    return new Buffer(b.base(), b.offset(), shape, strides);
  }

  static Buffer subview(SubViewOp op, Frame frame) {
    Buffer b = frame.buffer(op.source());
    long[] offs = dynamic(op.staticOffsets(), frame.integers(op.offsets()));
    long[] sizes = dynamic(op.staticSizes(), frame.integers(op.sizes()));
    long[] strides = dynamic(op.staticStrides(), frame.integers(op.strides()));
    long offset = b.offset();
    long[] newStrides = new long[sizes.length];
    for (int d = 0; d < sizes.length; d++) {
      offset += offs[d] * b.strides()[d];
      newStrides[d] = strides[d] * b.strides()[d];
    }
    long[] resultShape = ((MemRefType) op.result().type()).shape();
    if (resultShape.length < sizes.length) {
      // Rank-reducing: drop the unit dimensions that the result type does not keep.
      List<Long> keptShape = new ArrayList<>();
      List<Long> keptStrides = new ArrayList<>();
      for (int d = 0; d < sizes.length; d++) {
        if (sizes[d] != 1 || keptShape.size() < resultShape.length && resultShape[keptShape.size()] == 1
            && sizes.length - d <= resultShape.length - keptShape.size()) {
          keptShape.add(sizes[d]);
          keptStrides.add(newStrides[d]);
        }
      }
      sizes = keptShape.stream().mapToLong(Long::longValue).toArray();
      newStrides = keptStrides.stream().mapToLong(Long::longValue).toArray();
    }
    return new Buffer(b.base(), offset, sizes, newStrides);
  }

  /** The static values with each {@link ShapedType#DYNAMIC} replaced by the next dynamic one. */
  private static long[] dynamic(long[] values, long[] dynamicValues) {
    int k = 0;
    for (int d = 0; d < values.length; d++) if (values[d] == ShapedType.DYNAMIC) values[d] = dynamicValues[k++];
    return values;
  }
}
