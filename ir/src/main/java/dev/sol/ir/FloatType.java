package dev.sol.ir;

/** A builtin floating-point type: {@code f16}, {@code bf16}, {@code f32}, {@code f64}, ... */
public record FloatType(Kind kind) implements Type {
  /** The float formats; {@code precision} is the significand width in bits, as in APFloat. */
  public enum Kind {
    F16("f16", 16, 11), BF16("bf16", 16, 8), TF32("tf32", 19, 11), F32("f32", 32, 24),
    F64("f64", 64, 53), F80("f80", 80, 64), F128("f128", 128, 113);

    final String keyword;
    final int width;
    final int precision;

    Kind(String keyword, int width, int precision) {
      this.keyword = keyword;
      this.width = width;
      this.precision = precision;
    }
  }

  public static final FloatType F16 = new FloatType(Kind.F16);
  public static final FloatType BF16 = new FloatType(Kind.BF16);
  public static final FloatType F32 = new FloatType(Kind.F32);
  public static final FloatType F64 = new FloatType(Kind.F64);

  /** Returns the type for a keyword such as {@code f32}, or null. */
  public static FloatType forKeyword(String keyword) {
    for (Kind k : Kind.values()) if (k.keyword.equals(keyword)) return new FloatType(k);
    return null;
  }

  public int width() { return kind.width; }
  public int precision() { return kind.precision; }

  @Override public String toString() { return kind.keyword; }
}
