package dev.sol.runtime;

import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.DenseElementsAttr;
import dev.sol.ir.IndexType;
import dev.sol.ir.MemRefType;
import dev.sol.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the values of one function invocation hold: a {@link Tensor} (tensors, vectors and
 * scalars, which are rank 0) or a {@link Buffer} (memrefs). Regions of the function's ops
 * write into the same frame.
 */
final class Frame {
  private final Map<Value, Object> values = new IdentityHashMap<>();
  private final Map<Tensor, Map<String, Buffer>> views = new IdentityHashMap<>();

  Object get(Value v) {
    Object o = values.get(v);
    if (o == null) throw new Interpreter.InterpreterException("value used before it was computed");
    return o;
  }

  Tensor tensor(Value v) { return (Tensor) get(v); }

  Buffer buffer(Value v) { return (Buffer) get(v); }

  /** The integer (index) a scalar value holds. */
  long integer(Value v) { return tensor(v).getLong(0); }

  long[] integers(List<Value> vs) {
    long[] out = new long[vs.size()];
    for (int i = 0; i < out.length; i++) out[i] = integer(vs.get(i));
    return out;
  }

  List<Object> all(List<? extends Value> vs) {
    List<Object> out = new ArrayList<>(vs.size());
    for (Value v : vs) out.add(get(v));
    return out;
  }

  List<Tensor> tensors(List<? extends Value> vs) {
    List<Tensor> out = new ArrayList<>(vs.size());
    for (Value v : vs) out.add(tensor(v));
    return out;
  }

  void put(Value v, Object o) { values.put(v, o); }

  /**
   * The typed buffer of a memref.view: the interpreter holds elements typed, not as bytes, so
   * the views of one byte buffer with one element type share a typed copy of the whole buffer
   * (made on first use in this invocation), each view a window into it at its offset: a
   * concat's slabs written in place and the concat's whole result see the same elements, as
   * they see the same bytes in compiled code. Views with another element type, or at an offset
   * that is not a whole number of elements, share nothing; the memory plan never lets two
   * buffers alive at once overlap, and no buffer is read before it is written, so the results agree.
   */
  Buffer view(Buffer bytes, long offset, MemRefType type) {
    long start = bytes.offset() + offset;
    int elementBytes = DenseElementsAttr.elementBytes(type.element());
    Map<String, Buffer> shared = views.computeIfAbsent(bytes.base(), k -> new java.util.HashMap<>());
    if (start % elementBytes != 0 || bytes.shape().length != 1) {
      return shared.computeIfAbsent(start + " " + type, k -> MemRefInterpreter.allocate(type, new long[0]));
    }
    Buffer whole = shared.computeIfAbsent(type.element().toString(),
        k -> MemRefInterpreter.allocate(new MemRefType(new long[] {bytes.base().size() / elementBytes}, type.element()), new long[0]));
    return new Buffer(whole.base(), start / elementBytes, type.shape(), Tensor.strides(type.shape()));
  }

  /** Binds {@code vs} to {@code objects}, pairwise. */
  void bind(List<? extends Value> vs, List<Object> objects) {
    for (int i = 0; i < objects.size(); i++) values.put(vs.get(i), objects.get(i));
  }

  /** A rank-0 index tensor. */
  static Tensor index(long v) { return Tensor.ofLongs(IndexType.INSTANCE, new long[0], new long[] {v}); }
}
