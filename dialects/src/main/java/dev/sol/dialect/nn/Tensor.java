package dev.sol.dialect.nn;

import dev.sol.ir.*;
import java.util.Arrays;

/**
 * A dense tensor value for constant folding and the reference interpreter: row-major data,
 * floats held as doubles (rounded to the element type when stored) and integers and
 * booleans as longs, normalized to the element type as {@link Integers} describes, so that
 * kernels are written once, plainly, without boxing. Kernels compute integer tensors in
 * longs ({@link #getLong}), never through doubles, which cannot hold every 64-bit value.
 */
public final class Tensor {
  private final Type element;
  private final long[] shape;
  private final double[] floats;
  private final long[] ints;

  private Tensor(Type element, long[] shape, double[] floats, long[] ints) {
    this.element = element;
    this.shape = shape;
    this.floats = floats;
    this.ints = ints;
  }

  /** The most elements a Java array holds (a little below 2^31 - 1, by the JVM's rules). */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  public static boolean isFloat(Type element) { return element instanceof FloatType; }

  /** A zero-filled tensor; a shape of more elements than a Java array holds is a {@link ShapeError}. */
  public static Tensor zeros(Type element, long[] shape) {
    long count = count(shape);
    if (count > MAX_ARRAY) throw new ShapeError("a tensor of " + count + " elements is more than a Java array holds (" + MAX_ARRAY + ")");
    int n = (int) count;
    return isFloat(element) ? new Tensor(element, shape.clone(), new double[n], null) : new Tensor(element, shape.clone(), null, new long[n]);
  }

  public static Tensor ofDoubles(Type element, long[] shape, double[] data) {
    Tensor t = zeros(element, shape);
    for (int i = 0; i < data.length; i++) t.set(i, data[i]);
    return t;
  }

  public static Tensor ofLongs(Type element, long[] shape, long[] data) {
    Tensor t = zeros(element, shape);
    for (int i = 0; i < data.length; i++) t.setLong(i, data[i]);
    return t;
  }

  /**
   * The number of elements of a shape, never a wrapped-around number: a negative dimension or
   * a product beyond a long is a {@link ShapeError}. Verifiers that must name a bad inferred
   * shape in their own words check it with {@link ShapedType#shapeProblem} first.
   */
  public static long count(long[] shape) {
    for (long d : shape) {
      if (d < 0) throw new ShapeError("the shape " + ShapedType.describe(shape) + " has a negative dimension (" + d + ")");
    }
    try {
      return ShapedType.elementCount(shape);
    } catch (ArithmeticException e) {
      throw new ShapeError("the shape " + ShapedType.describe(shape) + " has more elements than a 64-bit count holds");
    }
  }

  public Type element() { return element; }
  public long[] shape() { return shape; }
  public int rank() { return shape.length; }
  public int size() { return floats != null ? floats.length : ints.length; }
  public boolean isFloat() { return floats != null; }

  public RankedTensorType type() { return new RankedTensorType(shape, element); }

  /** The float data in row-major order (shared, not a copy); null for integer tensors. */
  public double[] floatData() { return floats; }

  /** The element as a double: exact for floats, the nearest double for integers (ui64 above 2^63 too). */
  public double get(int i) { return floats != null ? floats[i] : Integers.toDouble(ints[i], isUnsigned()); }

  public long getLong(int i) { return ints != null ? ints[i] : (long) floats[i]; }

  /** Stores a value, rounded (floats) or truncated toward zero and wrapped (integers, {@link Integers#fromDouble}) to the element type. */
  public void set(int i, double v) {
    if (floats != null) floats[i] = FloatFormat.roundTo((FloatType) element, v);
    else ints[i] = isBool() ? (v != 0 ? 1 : 0) : Integers.fromDouble(v, element);
  }

  public void setLong(int i, long v) {
    if (floats != null) floats[i] = FloatFormat.roundTo((FloatType) element, v);
    else ints[i] = IntegerAttr.normalize(element, isBool() ? (v != 0 ? 1 : 0) : v);
  }

  public boolean isBool() { return element instanceof IntegerType it && it.width() == 1; }

  /** Whether the elements are unsigned integers (ONNX's uint types). */
  public boolean isUnsigned() { return Integers.isUnsigned(element); }

  /**
   * The same bits as integers of another type of the same width: ui8 255 is i8 -1. The
   * lowering keeps unsigned tensors in buffers of signless integers, and this is how their
   * values cross that boundary.
   */
  public Tensor reinterpreted(Type integer) {
    if (ints == null || !(integer instanceof IntegerType to) || ((IntegerType) element).width() != to.width()) {
      throw new IllegalArgumentException("cannot reinterpret " + type() + " as " + integer + " elements");
    }
    long[] data = new long[ints.length];
    for (int i = 0; i < data.length; i++) data[i] = IntegerAttr.normalize(integer, ints[i]);
    return new Tensor(integer, shape.clone(), null, data);
  }

  /** A tensor with the same data and another shape of the same size. */
  public Tensor reshaped(long[] newShape) {
    if (count(newShape) != size()) throw new IllegalArgumentException("cannot reshape " + Arrays.toString(shape) + " to " + Arrays.toString(newShape));
    return new Tensor(element, newShape.clone(), floats, ints);
  }

  public static Tensor fromAttribute(DenseElementsAttr a) {
    ShapedType st = a.shapedType();
    Tensor t = zeros(st.element(), st.shape());
    int n = t.size();
    if (t.floats != null) {
      for (int i = 0; i < n; i++) t.floats[i] = a.getDouble(i);
    } else {
      for (int i = 0; i < n; i++) t.ints[i] = a.getLong(i);
    }
    return t;
  }

  public DenseElementsAttr toAttribute() {
    return floats != null ? DenseElementsAttr.ofDoubles(type(), floats) : DenseElementsAttr.ofLongs(type(), ints);
  }

  /** Row-major strides of a shape. */
  public static long[] strides(long[] shape) {
    long[] s = new long[shape.length];
    long acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc = Math.multiplyExact(acc, shape[i]);
    }
    return s;
  }

  @Override public String toString() { return type() + Arrays.toString(floats != null ? floats : null) + Arrays.toString(ints); }
}
