package dev.sol.runtime;

import dev.sol.dialect.nn.Tensor;
import java.lang.foreign.MemorySegment;

/** Copies between the API's {@link SolTensor} and the IR's {@link Tensor} (constants, the interpreter, TensorProto files). */
final class IrTensors {
  private IrTensors() {}

  static Tensor toIr(SolTensor t) {
    Tensor out = Tensor.zeros(t.elementType().irType(), t.shape());
    int n = out.size();
    if (t.elementType().isFloatingPoint()) {
      for (int i = 0; i < n; i++) out.set(i, t.getDouble(i));
    } else {
      for (int i = 0; i < n; i++) out.setLong(i, t.getLong(i));
    }
    return out;
  }

  /** A heap copy of {@code t}; IllegalArgumentException when its element type has no {@link ElementType}. */
  static SolTensor fromIr(Tensor t) {
    ElementType type = ElementType.of(t.element());
    if (type == null) throw new IllegalArgumentException("element type " + t.element() + " is not supported at a model's boundary");
    int n = t.size();
    SolTensor out = SolTensor.of(t.shape(), type, MemorySegment.ofArray(new byte[Math.multiplyExact(n, type.byteSize())]));
    if (type.isFloatingPoint()) {
      for (int i = 0; i < n; i++) out.setDouble(i, t.get(i));
    } else {
      for (int i = 0; i < n; i++) out.setLong(i, t.getLong(i));
    }
    return out;
  }
}
