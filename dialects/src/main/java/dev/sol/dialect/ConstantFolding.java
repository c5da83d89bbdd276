package dev.sol.dialect;

import dev.sol.ir.*;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.LongBinaryOperator;

/**
 * Elementwise constant folding over scalars ({@link IntegerAttr}, {@link FloatAttr}) and
 * dense constants (splat or not), with results rounded to the result type. The arithmetic
 * itself comes from the ops ({@link IntElementwise}, {@link FloatElementwise},
 * {@link ElementCast}, the comparison predicates), which the interpreter calls too.
 */
public final class ConstantFolding {
  private ConstantFolding() {}

  /** One folded result, or null. */
  public static List<Object> one(Object result) { return result == null ? null : List.of(result); }

  /** The width in bits of an integer (element) type; index counts as 64. */
  public static int width(Type t) {
    return Constraints.elementOrSelf(t) instanceof IntegerType it ? it.width() : 64;
  }

  /** The unsigned view of {@code v} at {@code width} bits. */
  public static long unsigned(long v, int width) {
    return width >= 64 ? v : v & ((1L << width) - 1);
  }

  /** The unsigned view of {@code v} at the width of the integer (element) type {@code t}. */
  public static long unsigned(long v, Type t) { return unsigned(v, width(t)); }

  /**
   * Folds an integer element-wise op whose operands are all integer constants: scalars, or
   * dense elements of one size. Null when an operand is not constant or the op has no
   * result for some element.
   */
  public static Attribute elementwise(IntElementwise op, List<Attribute> operands, Type resultType) {
    int width = width(resultType);
    long[] x = new long[operands.size()];
    if (operands.stream().allMatch(a -> a instanceof IntegerAttr)) {
      for (int k = 0; k < x.length; k++) x[k] = ((IntegerAttr) operands.get(k)).value();
      Long r = apply(op, width, x);
      return r == null ? null : new IntegerAttr(Constraints.elementOrSelf(resultType), r);
    }
    DenseElementsAttr[] d = dense(operands, true);
    if (d == null) return null;
    long[] out = new long[size(d)];
    for (int i = 0; i < out.length; i++) {
      for (int k = 0; k < x.length; k++) x[k] = d[k].getLong(i);
      Long r = apply(op, width, x);
      if (r == null) return null;
      out[i] = r;
    }
    return DenseElementsAttr.ofLongs(resultType, splatOut(out, d[0].numElements()));
  }

  private static Long apply(IntElementwise op, int width, long[] x) {
    try {
      return op.apply(width, x);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /**
   * Folds a float element-wise op whose operands are all float constants: scalars, or dense
   * elements of one size.
   */
  public static Attribute elementwise(FloatElementwise op, List<Attribute> operands, Type resultType) {
    if (!(Constraints.elementOrSelf(resultType) instanceof FloatType ft)) return null;
    double[] x = new double[operands.size()];
    if (operands.stream().allMatch(a -> a instanceof FloatAttr)) {
      for (int k = 0; k < x.length; k++) x[k] = ((FloatAttr) operands.get(k)).value();
      return new FloatAttr(ft, op.apply(x));
    }
    DenseElementsAttr[] d = dense(operands, false);
    if (d == null) return null;
    double[] out = new double[size(d)];
    for (int i = 0; i < out.length; i++) {
      for (int k = 0; k < x.length; k++) x[k] = d[k].getDouble(i);
      out[i] = op.apply(x);
    }
    if (out.length == 1 && d[0].numElements() != 1) {
      double[] all = new double[(int) d[0].numElements()];
      Arrays.fill(all, out[0]);
      out = all;
    }
    return DenseElementsAttr.ofDoubles(resultType, out);
  }

  /** The operands as dense constants of integers (or floats), or null when one is not. */
  private static DenseElementsAttr[] dense(List<Attribute> operands, boolean ints) {
    DenseElementsAttr[] d = new DenseElementsAttr[operands.size()];
    for (int k = 0; k < d.length; k++) {
      if (!(operands.get(k) instanceof DenseElementsAttr e) || isInt(e) != ints) return null;
      d[k] = e;
    }
    return d;
  }

  /** How many elements to compute: one when every operand is a splat. */
  private static int size(DenseElementsAttr[] d) {
    for (DenseElementsAttr e : d) if (!e.isSplat()) return (int) d[0].numElements();
    return 1;
  }

  private static long[] splatOut(long[] values, long n) {
    if (values.length != 1 || n == 1) return values;
    long[] all = new long[(int) n];
    Arrays.fill(all, values[0]);
    return all;
  }

  /** Folds a binary integer function of two constants (used by re-association patterns). */
  public static Attribute binaryInt(Attribute a, Attribute b, Type resultType, LongBinaryOperator f) {
    return elementwise((width, x) -> f.applyAsLong(x[0], x[1]), Arrays.asList(a, b), resultType);
  }

  /** Folds an integer-to-integer cast of a constant (scalar or dense) through the op's conversion. */
  public static Attribute castInts(Attribute a, Type from, Type resultType, ElementCast cast) {
    Type in = Constraints.elementOrSelf(from);
    Type out = Constraints.elementOrSelf(resultType);
    return elementwise((width, x) -> cast.convert(x[0], in, out).longValue(), Arrays.asList(a), resultType);
  }

  /** Folds a cast of a scalar constant through the op's conversion; null when {@code a} is not one. */
  public static Attribute castScalar(Attribute a, Type from, Type resultType, ElementCast cast) {
    Number in;
    if (a instanceof IntegerAttr i) in = i.value();
    else if (a instanceof FloatAttr f) in = f.value();
    else return null;
    Type to = Constraints.elementOrSelf(resultType);
    Number out = cast.convert(in, Constraints.elementOrSelf(from), to);
    return to instanceof FloatType ft ? new FloatAttr(ft, out.doubleValue()) : new IntegerAttr(to, out.longValue());
  }

  /**
   * True when {@code v} truncated toward zero is a value of an integer of {@code width} bits:
   * fptosi and fptoui fold only then (elsewhere their result is poison).
   */
  public static boolean fitsInt(double v, int width, boolean unsigned) {
    double t = v < 0 ? Math.ceil(v) : Math.floor(v);
    if (Double.isNaN(t)) return false;
    double lo = unsigned ? 0 : -Math.pow(2, width - 1);
    double hi = unsigned ? Math.pow(2, width) - 1 : Math.pow(2, width - 1) - 1;
    return t >= lo && t <= hi;
  }

  private static boolean isInt(DenseElementsAttr d) { return !(d.elementType() instanceof FloatType); }

  /** True when {@code a} is the integer (or splat) {@code value}. */
  public static boolean isInt(Attribute a, long value) {
    if (a instanceof IntegerAttr i) return i.value() == value;
    return a instanceof DenseElementsAttr d && d.isSplat() && isInt(d) && d.getLong(0) == value;
  }

  /** True when {@code a} is the float (or splat) {@code value}, bit for bit (so -0.0 differs from 0.0). */
  public static boolean isFloat(Attribute a, double value) {
    long bits = Double.doubleToRawLongBits(value);
    if (a instanceof FloatAttr f) return Double.doubleToRawLongBits(f.value()) == bits;
    return a instanceof DenseElementsAttr d && d.isSplat() && !isInt(d) && Double.doubleToRawLongBits(d.getDouble(0)) == bits;
  }

  /** An attribute of {@code type} whose every element is {@code value} (a scalar or a splat). */
  public static Attribute splatInt(Type type, long value) {
    if (!(type instanceof ShapedType st)) return new IntegerAttr(type, value);
    long[] all = new long[(int) st.numElements()];
    Arrays.fill(all, value);
    return DenseElementsAttr.ofLongs(type, all);
  }

  /** Returns {@code b}, or throws as integer division by zero does. */
  public static long nonZero(long b) {
    if (b == 0) throw new ArithmeticException("integer division by zero");
    return b;
  }

  /**
   * Folds a shift op (the amount is the second operand) only where the amount is below the
   * width: beyond it the result is poison, which MLIR does not fold.
   */
  public static Attribute shiftElementwise(IntElementwise op, List<Attribute> operands, Type resultType) {
    return elementwise((width, x) -> {
      if (x[1] < 0 || x[1] >= width) throw new ArithmeticException("shift amount out of range");
      return op.apply(width, x);
    }, operands, resultType);
  }

  /** An elementwise comparison of integer constants, as i1 results. */
  public static Attribute binaryIntToBool(Attribute a, Attribute b, Type resultType, BiPredicate<Long, Long> f) {
    if (a instanceof IntegerAttr x && b instanceof IntegerAttr y) return IntegerAttr.of(f.test(x.value(), y.value()));
    if (a instanceof DenseElementsAttr x && b instanceof DenseElementsAttr y && isInt(x) && isInt(y)) {
      long n = x.numElements();
      long[] out = new long[(int) n];
      for (int i = 0; i < n; i++) out[i] = f.test(x.getLong(i), y.getLong(i)) ? 1 : 0;
      return DenseElementsAttr.ofLongs(resultType, out);
    }
    return null;
  }

  /** An elementwise comparison of float constants, as i1 results. */
  public static Attribute binaryFloatToBool(Attribute a, Attribute b, Type resultType, BiPredicate<Double, Double> f) {
    if (a instanceof FloatAttr x && b instanceof FloatAttr y) return IntegerAttr.of(f.test(x.value(), y.value()));
    if (a instanceof DenseElementsAttr x && b instanceof DenseElementsAttr y && !isInt(x) && !isInt(y)) {
      long n = x.numElements();
      long[] out = new long[(int) n];
      for (int i = 0; i < n; i++) out[i] = f.test(x.getDouble(i), y.getDouble(i)) ? 1 : 0;
      return DenseElementsAttr.ofLongs(resultType, out);
    }
    return null;
  }
}
