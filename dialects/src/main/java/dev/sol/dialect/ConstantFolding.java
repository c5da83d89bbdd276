package dev.sol.dialect;

import dev.sol.ir.*;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Elementwise constant folding over scalars ({@link IntegerAttr}, {@link FloatAttr}) and
 * dense constants (splat or not), with results rounded to the result type.
 */
public final class ConstantFolding {
  private ConstantFolding() {}

  /** One folded result, or null. */
  public static List<Object> one(Object result) { return result == null ? null : List.of(result); }

  public static Attribute binaryInt(Attribute a, Attribute b, Type resultType, LongBinaryOperator f) {
    Type elem = Constraints.elementOrSelf(resultType);
    if (a instanceof IntegerAttr x && b instanceof IntegerAttr y) {
      Long r = apply(f, x.value(), y.value());
      return r == null ? null : new IntegerAttr(elem, r);
    }
    if (a instanceof DenseElementsAttr x && b instanceof DenseElementsAttr y && isInt(x) && isInt(y)) {
      long n = x.numElements();
      long[] out = new long[(int) (x.isSplat() && y.isSplat() ? 1 : n)];
      for (int i = 0; i < out.length; i++) {
        Long r = apply(f, x.getLong(i), y.getLong(i));
        if (r == null) return null;
        out[i] = r;
      }
      return dense(resultType, out, n);
    }
    return null;
  }

  private static Long apply(LongBinaryOperator f, long x, long y) {
    try {
      return f.applyAsLong(x, y);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  public static Attribute unaryInt(Attribute a, Type resultType, LongUnaryOperator f) {
    return binaryInt(a, a, resultType, (x, y) -> f.applyAsLong(x));
  }

  public static Attribute binaryFloat(Attribute a, Attribute b, Type resultType, DoubleBinaryOperator f) {
    Type elem = Constraints.elementOrSelf(resultType);
    if (!(elem instanceof FloatType ft)) return null;
    if (a instanceof FloatAttr x && b instanceof FloatAttr y) return new FloatAttr(ft, f.applyAsDouble(x.value(), y.value()));
    if (a instanceof DenseElementsAttr x && b instanceof DenseElementsAttr y && !isInt(x) && !isInt(y)) {
      long n = x.numElements();
      double[] out = new double[(int) (x.isSplat() && y.isSplat() ? 1 : n)];
      for (int i = 0; i < out.length; i++) out[i] = f.applyAsDouble(x.getDouble(i), y.getDouble(i));
      return denseFloat(resultType, out, n);
    }
    return null;
  }

  public static Attribute unaryFloat(Attribute a, Type resultType, DoubleUnaryOperator f) {
    return binaryFloat(a, a, resultType, (x, y) -> f.applyAsDouble(x));
  }

  private static boolean isInt(DenseElementsAttr d) { return !(d.elementType() instanceof FloatType); }

  private static Attribute dense(Type type, long[] values, long n) {
    if (values.length == 1 && n != 1) {
      long[] all = new long[(int) n];
      java.util.Arrays.fill(all, values[0]);
      values = all;
    }
    return DenseElementsAttr.ofLongs(type, values);
  }

  private static Attribute denseFloat(Type type, double[] values, long n) {
    if (values.length == 1 && n != 1) {
      double[] all = new double[(int) n];
      java.util.Arrays.fill(all, values[0]);
      values = all;
    }
    return DenseElementsAttr.ofDoubles(type, values);
  }

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

  /** The unsigned view of {@code v} at {@code width} bits. */
  public static long unsigned(long v, Type t) {
    int w = Constraints.elementOrSelf(t) instanceof IntegerType it ? it.width() : 64;
    return w >= 64 ? v : v & ((1L << w) - 1);
  }

  /** An attribute of {@code type} whose every element is {@code value} (a scalar or a splat). */
  public static Attribute splatInt(Type type, long value) {
    if (!(type instanceof ShapedType st)) return new IntegerAttr(type, value);
    long[] all = new long[(int) st.numElements()];
    java.util.Arrays.fill(all, value);
    return DenseElementsAttr.ofLongs(type, all);
  }

  /** Returns {@code b}, or fails the fold when it is zero. */
  public static long nonZero(long b) {
    if (b == 0) throw new ArithmeticException("division by zero");
    return b;
  }

  /** True when {@code amount} is a valid shift for the integer type. */
  public static boolean shift(long amount, Type t) {
    int w = Constraints.elementOrSelf(t) instanceof IntegerType it ? it.width() : 64;
    return amount >= 0 && amount < w;
  }

  /** Makes a fold give up. */
  public static long failed() { throw new ArithmeticException("not foldable"); }

  /** An elementwise comparison of integer constants, as i1 results. */
  public static Attribute binaryIntToBool(Attribute a, Attribute b, Type resultType, java.util.function.BiPredicate<Long, Long> f) {
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
  public static Attribute binaryFloatToBool(Attribute a, Attribute b, Type resultType, java.util.function.BiPredicate<Double, Double> f) {
    if (a instanceof FloatAttr x && b instanceof FloatAttr y) return IntegerAttr.of(f.test(x.value(), y.value()));
    if (a instanceof DenseElementsAttr x && b instanceof DenseElementsAttr y && !isInt(x) && !isInt(y)) {
      long n = x.numElements();
      long[] out = new long[(int) n];
      for (int i = 0; i < n; i++) out[i] = f.test(x.getDouble(i), y.getDouble(i)) ? 1 : 0;
      return DenseElementsAttr.ofLongs(resultType, out);
    }
    return null;
  }

  /** A float constant converted to another float type. */
  public static Attribute convertFloat(Attribute a, Type resultType) {
    if (a instanceof FloatAttr f && Constraints.elementOrSelf(resultType) instanceof FloatType ft) return new FloatAttr(ft, f.value());
    return null;
  }

  /** An integer constant converted to a float type (exactly as the target type rounds). */
  public static Attribute intToFloat(Attribute a, Type resultType, boolean unsigned, Type inType) {
    if (!(a instanceof IntegerAttr i) || !(Constraints.elementOrSelf(resultType) instanceof FloatType ft)) return null;
    long v = unsigned ? unsigned(i.value(), inType) : i.value();
    double d = unsigned && v < 0 ? new java.math.BigDecimal(Long.toUnsignedString(v)).doubleValue() : (double) v;
    if (ft.equals(FloatType.F32)) d = unsigned && v < 0 ? d : (float) v;
    return new FloatAttr(ft, d);
  }

  /** A float constant converted to an integer type, when it fits. */
  public static Attribute floatToInt(Attribute a, Type resultType, boolean unsigned) {
    if (!(a instanceof FloatAttr f) || !(Constraints.elementOrSelf(resultType) instanceof IntegerType it)) return null;
    double t = f.value() < 0 ? Math.ceil(f.value()) : Math.floor(f.value());
    if (Double.isNaN(t)) return null;
    int w = it.width();
    double lo = unsigned ? 0 : -Math.pow(2, w - 1);
    double hi = unsigned ? Math.pow(2, w) - 1 : Math.pow(2, w - 1) - 1;
    if (t < lo || t > hi) return null;
    return new IntegerAttr(it, unsigned && t >= Math.pow(2, 63) ? new java.math.BigDecimal(t).toBigInteger().longValue() : (long) t);
  }
}
