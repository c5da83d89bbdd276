package dev.sol.runtime;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import dev.sol.frontend.onnx.ImportException;
import dev.sol.frontend.onnx.TensorProtos;
import dev.sol.ir.ShapedType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A dense row-major tensor: an element type, a shape and the elements in native byte order.
 * The array factories copy; the {@link FloatBuffer} and {@link MemorySegment} factories
 * wrap the caller's memory without copying, and a compiled model reads native memory that is
 * 64-byte aligned in place (other memory is copied into the model's buffers for each run).
 * Closing frees memory the tensor allocated itself; a tensor is unusable once closed, and so
 * are the outputs of a {@link SolModel.Result} once the result is closed.
 */
public final class SolTensor implements AutoCloseable {
  /** The alignment at which compiled code takes native memory in place. */
  public static final long ALIGNMENT = 64;

  private final ElementType type;
  private final long[] shape;
  private final MemorySegment data;
  private final Arena arena;
  private volatile boolean closed;

  private SolTensor(ElementType type, long[] shape, MemorySegment data, Arena arena) {
    this.type = type;
    this.shape = shape;
    this.data = data;
    this.arena = arena;
  }

  public static SolTensor of(long[] shape, float[] data) { return copy(shape, ElementType.FLOAT, MemorySegment.ofArray(data.clone()), data.length); }

  public static SolTensor of(long[] shape, double[] data) { return copy(shape, ElementType.DOUBLE, MemorySegment.ofArray(data.clone()), data.length); }

  public static SolTensor of(long[] shape, int[] data) { return copy(shape, ElementType.INT32, MemorySegment.ofArray(data.clone()), data.length); }

  public static SolTensor of(long[] shape, long[] data) { return copy(shape, ElementType.INT64, MemorySegment.ofArray(data.clone()), data.length); }

  /** INT8 elements. */
  public static SolTensor of(long[] shape, byte[] data) { return copy(shape, ElementType.INT8, MemorySegment.ofArray(data.clone()), data.length); }

  public static SolTensor of(long[] shape, boolean[] data) {
    byte[] bytes = new byte[data.length];
    for (int i = 0; i < data.length; i++) bytes[i] = (byte) (data[i] ? 1 : 0);
    return copy(shape, ElementType.BOOL, MemorySegment.ofArray(bytes), data.length);
  }

  /**
   * FLOAT elements from {@code data}'s position to its limit. A buffer in native byte order
   * is wrapped, not copied (a direct one that is 64-byte aligned then reaches compiled code in
   * place); any other is copied.
   */
  public static SolTensor of(long[] shape, FloatBuffer data) {
    if (data.order() == ByteOrder.nativeOrder()) return wrap(shape, ElementType.FLOAT, MemorySegment.ofBuffer(data));
    float[] copy = new float[data.remaining()];
    data.duplicate().get(copy);
    return of(shape, copy);
  }

  /**
   * Wraps {@code data} (elements in native byte order) without copying: the tensor aliases the
   * caller's memory, which must stay alive and accessible to the threads that use the tensor.
   */
  public static SolTensor of(long[] shape, ElementType type, MemorySegment data) { return wrap(shape, type, data); }

  /** A zero-filled tensor in native memory aligned to {@link #ALIGNMENT}, freed by {@link #close()}. */
  public static SolTensor allocate(long[] shape, ElementType type) {
    long[] dims = checkedShape(shape);
    long bytes = count(dims) * type.byteSize();
    Arena arena = Arena.ofShared();
    return new SolTensor(type, dims, arena.allocate(Math.max(1, bytes), ALIGNMENT).asSlice(0, bytes), arena);
  }

  /** Decodes an ONNX TensorProto (as the {@code .pb} files of ONNX's test data hold). */
  public static SolTensor fromTensorProto(byte[] bytes) throws SolException {
    try {
      return IrTensors.fromIr(TensorProtos.read(bytes));
    } catch (ImportException | IllegalArgumentException e) {
      throw new SolException(e.getMessage());
    }
  }

  /** Encodes this tensor as an ONNX TensorProto with raw data. */
  public byte[] toTensorProto(String name) { return TensorProtos.fromTensor(IrTensors.toIr(this), name).toByteArray(); }

  private static SolTensor copy(long[] shape, ElementType type, MemorySegment heap, long length) {
    long[] dims = checkedShape(shape);
    if (length != count(dims)) {
      throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has " + count(dims) + " elements, but the data has " + length);
    }
    return new SolTensor(type, dims, heap, null);
  }

  private static SolTensor wrap(long[] shape, ElementType type, MemorySegment data) {
    long[] dims = checkedShape(shape);
    long bytes = count(dims) * type.byteSize();
    if (data.byteSize() != bytes) {
      throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " of " + type + " takes " + bytes + " bytes, but the data has "
          + data.byteSize());
    }
    return new SolTensor(type, dims, data, null);
  }

  /** A view of memory that a model owns (its output buffers); {@link #close()} only marks it closed. */
  static SolTensor view(TensorInfo info, MemorySegment data) {
    return new SolTensor(info.elementType(), info.shape(), data, null);
  }

  /** A copy of a shape that a model can take: no dimension below 0, at most ShapedType.MAX_ELEMENTS elements. */
  private static long[] checkedShape(long[] shape) {
    Objects.requireNonNull(shape, "shape");
    for (long d : shape) {
      if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
    }
    String problem = ShapedType.shapeProblem(shape);
    if (problem != null) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " " + problem);
    return shape.clone();
  }

  /** The product of the dimensions; ArithmeticException when it does not fit a long. */
  static long count(long[] shape) { return ShapedType.elementCount(shape); }

  public ElementType elementType() { return type; }

  /** The dimensions (a copy). */
  public long[] shape() { return shape.clone(); }

  public TensorInfo info() { return new TensorInfo(type, shape); }

  public long elementCount() { return count(shape); }

  /** The elements' memory, not a copy: native for allocated tensors and model outputs. */
  public MemorySegment segment() { return data(); }

  MemorySegment data() {
    if (closed) throw new IllegalStateException("the tensor is closed (closed itself, or by the SolModel.Result it came from)");
    return data;
  }

  /** Whether compiled code can read the memory in place: native and 64-byte aligned. */
  boolean isNativeAligned() { return data.isNative() && data.address() % ALIGNMENT == 0; }

  /** Element {@code i} (row-major) as a double, for every element type. */
  public double getDouble(long i) {
    MemorySegment d = data();
    Objects.checkIndex(i, elementCount());
    return switch (type) {
      case FLOAT -> d.getAtIndex(JAVA_FLOAT_UNALIGNED, i);
      case DOUBLE -> d.getAtIndex(JAVA_DOUBLE_UNALIGNED, i);
      case FLOAT16 -> Float.float16ToFloat(d.getAtIndex(JAVA_SHORT_UNALIGNED, i));
      case UINT64 -> {
        long v = d.getAtIndex(JAVA_LONG_UNALIGNED, i);
        yield v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
      }
      default -> getLong(i);
    };
  }

  /** Element {@code i} (row-major) of an integer or BOOL tensor; unsigned types are zero-extended (UINT64 keeps its bits). */
  public long getLong(long i) {
    MemorySegment d = data();
    Objects.checkIndex(i, elementCount());
    return switch (type) {
      case INT8 -> d.get(JAVA_BYTE, i);
      case UINT8 -> d.get(JAVA_BYTE, i) & 0xffL;
      case BOOL -> d.get(JAVA_BYTE, i) != 0 ? 1 : 0;
      case INT16 -> d.getAtIndex(JAVA_SHORT_UNALIGNED, i);
      case UINT16 -> d.getAtIndex(JAVA_SHORT_UNALIGNED, i) & 0xffffL;
      case INT32 -> d.getAtIndex(JAVA_INT_UNALIGNED, i);
      case UINT32 -> d.getAtIndex(JAVA_INT_UNALIGNED, i) & 0xffffffffL;
      case INT64, UINT64 -> d.getAtIndex(JAVA_LONG_UNALIGNED, i);
      case FLOAT, DOUBLE, FLOAT16 -> throw wrongType("getLong", "an integer or BOOL");
    };
  }

  /** Stores element {@code i} of a floating-point tensor, rounded to its type. */
  void setDouble(long i, double v) {
    MemorySegment d = data();
    switch (type) {
      case FLOAT -> d.setAtIndex(JAVA_FLOAT_UNALIGNED, i, (float) v);
      case DOUBLE -> d.setAtIndex(JAVA_DOUBLE_UNALIGNED, i, v);
      case FLOAT16 -> d.setAtIndex(JAVA_SHORT_UNALIGNED, i, Float.floatToFloat16(dev.sol.ir.FloatFormat.toOddFloat(v)));
      default -> setLong(i, (long) v);
    }
  }

  /** Stores element {@code i} of an integer or BOOL tensor, wrapped to its width. */
  void setLong(long i, long v) {
    MemorySegment d = data();
    switch (type.byteSize()) {
      case 1 -> d.set(JAVA_BYTE, i, (byte) (type == ElementType.BOOL ? (v != 0 ? 1 : 0) : v));
      case 2 -> d.setAtIndex(JAVA_SHORT_UNALIGNED, i, (short) v);
      case 4 -> d.setAtIndex(JAVA_INT_UNALIGNED, i, (int) v);
      default -> d.setAtIndex(JAVA_LONG_UNALIGNED, i, v);
    }
  }

  /** The elements of a FLOAT (or FLOAT16, widened) tensor. */
  public float[] toFloatArray() {
    int n = arrayLength();
    if (type == ElementType.FLOAT) return data().toArray(JAVA_FLOAT_UNALIGNED);
    if (type != ElementType.FLOAT16) throw wrongType("toFloatArray", "a FLOAT or FLOAT16");
    float[] out = new float[n];
    for (int i = 0; i < n; i++) out[i] = (float) getDouble(i);
    return out;
  }

  /** The elements of a floating-point tensor. */
  public double[] toDoubleArray() {
    int n = arrayLength();
    if (type == ElementType.DOUBLE) return data().toArray(JAVA_DOUBLE_UNALIGNED);
    if (!type.isFloatingPoint()) throw wrongType("toDoubleArray", "a FLOAT, DOUBLE or FLOAT16");
    double[] out = new double[n];
    for (int i = 0; i < n; i++) out[i] = getDouble(i);
    return out;
  }

  /** The elements of an integer or BOOL tensor, as {@link #getLong} reads them. */
  public long[] toLongArray() {
    int n = arrayLength();
    if (type == ElementType.INT64 || type == ElementType.UINT64) return data().toArray(JAVA_LONG_UNALIGNED);
    if (type.isFloatingPoint()) throw wrongType("toLongArray", "an integer or BOOL");
    long[] out = new long[n];
    for (int i = 0; i < n; i++) out[i] = getLong(i);
    return out;
  }

  /** The elements of an integer or BOOL tensor whose values all fit an int (not INT64, UINT32, UINT64). */
  public int[] toIntArray() {
    int n = arrayLength();
    if (type == ElementType.INT32) return data().toArray(JAVA_INT_UNALIGNED);
    if (type.isFloatingPoint() || type.byteSize() > 2) throw wrongType("toIntArray", "an INT32, INT16, UINT16, INT8, UINT8 or BOOL");
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = (int) getLong(i);
    return out;
  }

  /** The raw bytes of an INT8, UINT8 or BOOL tensor. */
  public byte[] toByteArray() {
    arrayLength();
    if (type.byteSize() != 1) throw wrongType("toByteArray", "an INT8, UINT8 or BOOL");
    return data().toArray(JAVA_BYTE);
  }

  public boolean[] toBooleanArray() {
    int n = arrayLength();
    if (type != ElementType.BOOL) throw wrongType("toBooleanArray", "a BOOL");
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) out[i] = getLong(i) != 0;
    return out;
  }

  private int arrayLength() {
    long n = elementCount();
    if (n > Integer.MAX_VALUE - 8) throw new IllegalStateException("the tensor has " + n + " elements, too many for a Java array; use segment()");
    return (int) n;
  }

  private IllegalStateException wrongType(String method, String expected) {
    return new IllegalStateException(method + " needs " + expected + " tensor; this one is " + type);
  }

  /** Marks the tensor unusable; frees its memory when it allocated it. Idempotent. */
  @Override public synchronized void close() {
    if (closed) return;
    closed = true;
    if (arena != null) arena.close();
  }

  @Override public String toString() { return "SolTensor " + info() + (closed ? " (closed)" : ""); }
}
