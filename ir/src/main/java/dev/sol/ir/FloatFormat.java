package dev.sol.ir;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Prints floats exactly as MLIR does: the short scientific form ({@code 1.000000e-01}) when
 * it reads back to the same value, else enough digits to round-trip ({@code 3.14159274}),
 * else (NaN, infinity) the bit pattern in hex ({@code 0x7FC00000}). The digit algorithm
 * follows LLVM's APFloat::toString so that our output is byte-identical to mlir-opt's.
 */
public final class FloatFormat {
  private FloatFormat() {}

  /** Rounds a double to the nearest value representable in {@code type}. */
  public static double roundTo(FloatType type, double v) {
    return switch (type.kind()) {
      case F32 -> (float) v;
      case F16 -> Float.float16ToFloat(Float.floatToFloat16(toOddFloat(v)));
      case BF16 -> bf16ToFloat(floatToBf16(toOddFloat(v)));
      case TF32 -> Float.intBitsToFloat(roundMantissa(Float.floatToRawIntBits(toOddFloat(v)), 13));
      default -> v;
    };
  }

  /**
   * {@code v} as a float rounded toward zero with its lowest bit set when inexact (rounding to
   * odd). Rounding that float once more to a format with at least two significant bits fewer
   * (f16, bf16, tf32) gives {@code v} correctly rounded, where two roundings to nearest may not:
   * 1 + 2^-11 + 2^-30 rounds to the float 1 + 2^-11, a tie between two f16 values that goes to
   * 1, though {@code v} lies above it and rounds to 1 + 2^-10. NaN stays NaN; values beyond the
   * float range become the largest float, which the second rounding takes to infinity.
   */
  public static float toOddFloat(double v) {
    float f = (float) v;
    if ((double) f == v || Double.isNaN(v)) return f;
    int bits = Float.floatToRawIntBits(f);
    if (Math.abs((double) f) > Math.abs(v)) bits--;
    return Float.intBitsToFloat(bits | 1);
  }

  public static short floatToBf16(float f) {
    if (Float.isNaN(f)) return (short) ((Float.floatToRawIntBits(f) >>> 16) | 0x40);
    return (short) (roundMantissa(Float.floatToRawIntBits(f), 16) >>> 16);
  }

  public static float bf16ToFloat(short bits) { return Float.intBitsToFloat((bits & 0xffff) << 16); }

  private static int roundMantissa(int bits, int dropped) {
    if (Float.isNaN(Float.intBitsToFloat(bits))) return bits;
    int lsb = (bits >>> dropped) & 1;
    int rounding = (1 << (dropped - 1)) - 1 + lsb;
    return ((bits + rounding) >>> dropped) << dropped;
  }

  /** The raw bits of {@code v} in the storage format of {@code type}. */
  public static long bits(FloatType type, double v) {
    return switch (type.kind()) {
      case F32 -> Float.floatToRawIntBits((float) v) & 0xffffffffL;
      case F16 -> Float.floatToFloat16(toOddFloat(v)) & 0xffffL;
      case BF16 -> floatToBf16(toOddFloat(v)) & 0xffffL;
      case TF32 -> (Float.floatToRawIntBits(toOddFloat(v)) >>> 13) & 0x7ffffL;
      default -> Double.doubleToRawLongBits(v);
    };
  }

  /** The value of raw bits stored in the format of {@code type}. */
  public static double fromBits(FloatType type, long bits) {
    return switch (type.kind()) {
      case F32 -> Float.intBitsToFloat((int) bits);
      case F16 -> Float.float16ToFloat((short) bits);
      case BF16 -> bf16ToFloat((short) bits);
      case TF32 -> Float.intBitsToFloat((int) (bits << 13));
      default -> Double.longBitsToDouble(bits);
    };
  }

  public static String format(FloatType type, double v) {
    if (!Double.isNaN(v) && !Double.isInfinite(v)) {
      String s = toString(v, 6, 0, false);
      if (sameValue(type, s, v)) return s;
      s = toString(v, 2 + type.precision() * 59 / 196, 3, true);
      if (s.contains(".")) return s;
    }
    return "0x" + Long.toHexString(bits(type, v)).toUpperCase();
  }

  private static boolean sameValue(FloatType type, String s, double v) {
    double parsed = roundTo(type, Double.parseDouble(s));
    return bits(type, parsed) == bits(type, v);
  }

  /** APFloat::toString for a finite value. */
  static String toString(double v, int precision, int maxPadding, boolean truncateZero) {
    StringBuilder out = new StringBuilder();
    boolean negative = (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
    if (negative) out.append('-');
    if (v == 0) {
      if (maxPadding == 0) {
        if (truncateZero) {
          out.append("0.0E+0");
        } else {
          out.append("0.0");
          if (precision > 1) out.append("0".repeat(precision - 1));
          out.append("e+00");
        }
      } else {
        out.append('0');
      }
      return out.toString();
    }
    // The exact value is significand * 10^exp (LLVM: N * 5^e after dropping the binary zeros).
    BigDecimal exact = new BigDecimal(Math.abs(v));
    BigInteger significand = exact.unscaledValue();
    int exp = -exact.scale();
    // APFloat first drops as many decimal digits as the significand has bits beyond what the
    // precision needs, by truncating division, and only then rounds what is left: so it prints
    // 0.9793682098... as 0.979368209 where rounding the exact value would give 0.97936821.
    int bitsRequired = (precision * 196 + 58) / 59;
    int bits = significand.bitLength();
    if (bits > bitsRequired) {
      int tens = (bits - bitsRequired) * 59 / 196;
      if (tens > 0) {
        significand = significand.divide(BigInteger.TEN.pow(tens));
        exp += tens;
      }
    }
    String digits = significand.toString();
    int trimmed = digits.length();
    while (trimmed > 1 && digits.charAt(trimmed - 1) == '0') trimmed--;
    exp += digits.length() - trimmed;
    digits = digits.substring(0, trimmed);
    if (digits.length() > precision) {
      BigInteger prefix = new BigInteger(digits.substring(0, precision));
      if (digits.charAt(precision) >= '5') prefix = prefix.add(BigInteger.ONE);
      exp += digits.length() - precision;
      digits = prefix.toString();
      int end = digits.length();
      while (end > 1 && digits.charAt(end - 1) == '0') end--;
      exp += digits.length() - end;
      digits = digits.substring(0, end);
    }
    int nDigits = digits.length();
    boolean scientific;
    if (maxPadding == 0) {
      scientific = true;
    } else if (exp >= 0) {
      scientific = exp > maxPadding || nDigits + exp > precision;
    } else {
      int msd = exp + nDigits - 1;
      scientific = msd < 0 && -msd > maxPadding;
    }
    if (scientific) {
      exp += nDigits - 1;
      out.append(digits.charAt(0)).append('.');
      if (nDigits == 1 && truncateZero) out.append('0');
      else out.append(digits, 1, nDigits);
      if (!truncateZero && precision > nDigits - 1) out.append("0".repeat(precision - nDigits + 1));
      out.append(truncateZero ? 'E' : 'e').append(exp >= 0 ? '+' : '-');
      String e = Integer.toString(Math.abs(exp));
      if (!truncateZero && e.length() < 2) out.append('0');
      return out.append(e).toString();
    }
    if (exp >= 0) {
      return out.append(digits).append("0".repeat(exp)).toString();
    }
    int whole = exp + nDigits;
    if (whole > 0) {
      out.append(digits, 0, whole).append('.').append(digits, whole, nDigits);
    } else {
      out.append("0.").append("0".repeat(-whole)).append(digits);
    }
    return out.toString();
  }
}
