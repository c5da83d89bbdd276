package dev.sol.dialect.nn;

import dev.sol.ir.IntegerAttr;
import dev.sol.ir.IntegerType;
import dev.sol.ir.Type;

/**
 * Integer element semantics, shared by the nn kernels and the lowering: values are exact
 * longs normalized to their element type ({@link IntegerAttr#normalize}: sign-extended for
 * signless and signed types, zero-extended for unsigned ones, so a ui64 of 2^63 or more is a
 * negative long), results wrap to the element width, and only division, comparison and
 * conversion to floats depend on the signedness.
 */
public final class Integers {
  private static final double TWO_TO_63 = 0x1p63;

  private Integers() {}

  /** ONNX's uint types; i1 and signless or signed integers are not unsigned. */
  public static boolean isUnsigned(Type t) {
    return t instanceof IntegerType it && it.width() > 1 && it.signedness() == IntegerType.Signedness.UNSIGNED;
  }

  /** The smallest value of an integer type (0 for unsigned types and i1). */
  public static long lowest(Type t) {
    IntegerType it = (IntegerType) t;
    return isUnsigned(t) || it.width() == 1 ? 0 : Long.MIN_VALUE >> (64 - it.width());
  }

  /** The largest value of an integer type; for ui64, 2^64 - 1 (the long -1). */
  public static long highest(Type t) {
    IntegerType it = (IntegerType) t;
    if (it.width() == 1) return 1;
    return isUnsigned(t) ? -1L >>> (64 - it.width()) : Long.MAX_VALUE >>> (64 - it.width());
  }

  public static int compare(long a, long b, boolean unsigned) {
    return unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b);
  }

  public static long max(long a, long b, boolean unsigned) { return compare(a, b, unsigned) >= 0 ? a : b; }

  public static long min(long a, long b, boolean unsigned) { return compare(a, b, unsigned) <= 0 ? a : b; }

  /**
   * The quotient truncated toward zero; 0 when {@code b} is zero. ONNX leaves integer division
   * by zero undefined; SOL defines it, so that the interpreter and compiled code (which would
   * trap) agree.
   */
  public static long divide(long a, long b, boolean unsigned) {
    if (b == 0) return 0;
    return unsigned ? Long.divideUnsigned(a, b) : a / b;
  }

  /**
   * {@code base} to the power {@code exponent}, wrapping as repeated multiplication does. A
   * negative exponent gives what the real power truncates to: 1 for base 1, -1 or 1 for base
   * -1, else 0 (also for base 0, where the real power is infinite).
   */
  public static long power(long base, long exponent, boolean unsignedExponent) {
    if (exponent < 0 && !unsignedExponent) {
      if (base == 1) return 1;
      return base == -1 ? ((exponent & 1) == 0 ? 1 : -1) : 0;
    }
    long result = 1;
    for (long e = exponent, b = base; e != 0; e >>>= 1, b *= b) {
      if ((e & 1) != 0) result *= b;
    }
    return result;
  }

  /** The nearest double to an integer. */
  public static double toDouble(long v, boolean unsigned) {
    if (!unsigned || v >= 0) return v;
    // Halve (keeping the lowest bit, so that rounding to nearest even is unchanged), convert, double.
    return ((v >>> 1) | (v & 1)) * 2.0;
  }

  /**
   * A double truncated toward zero to an integer of type {@code t}, normalized to it: NaN is 0,
   * values beyond the 64-bit range saturate before the result wraps to the width (ONNX leaves
   * out-of-range conversions undefined).
   */
  public static long fromDouble(double v, Type t) {
    if (Double.isNaN(v)) return 0;
    if (isUnsigned(t) && v >= TWO_TO_63) return v >= 2 * TWO_TO_63 ? -1 : (long) (v - TWO_TO_63) ^ Long.MIN_VALUE;
    return IntegerAttr.normalize(t, (long) v);
  }

  /**
   * A Clip bound for an integer type: the value of {@code t} closest to {@code bound} on the
   * side that keeps the clamp's meaning (rounded up for a lower bound, down for an upper
   * one), saturated to the type's range.
   */
  public static long bound(double bound, Type t, boolean lower) {
    boolean unsigned = isUnsigned(t);
    double r = lower ? Math.ceil(bound) : Math.floor(bound);
    if (r <= toDouble(lowest(t), unsigned)) return lowest(t);
    if (r >= toDouble(highest(t), unsigned)) return highest(t);
    return fromDouble(r, t);
  }
}
