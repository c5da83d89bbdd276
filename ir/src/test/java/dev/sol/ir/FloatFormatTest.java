package dev.sol.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are what mlir-opt-16 prints for the same values. */
class FloatFormatTest {
  private static String f32(double v) { return FloatFormat.format(FloatType.F32, (float) v); }
  private static String f64(double v) { return FloatFormat.format(FloatType.F64, v); }

  @Test void shortScientificFormWhenItRoundTrips() {
    assertEquals("1.000000e+00", f32(1.0));
    assertEquals("1.000000e-01", f32(0.1));
    assertEquals("-2.500000e-01", f32(-0.25));
    assertEquals("1.234560e+05", f32(123456.0));
    assertEquals("1.000000e+10", f32(1.0e10));
    assertEquals("1.000000e-01", f64(0.1));
  }

  @Test void moreDigitsWhenNeeded() {
    assertEquals("3.14159274", f32(Math.PI));
    assertEquals("0.10000000000000002", f64(0.1 + 1e-17 * 2));
    assertEquals("1.23456788E+10", f32(12345678901.0));
  }

  /** mlir-opt-16's output for these f32 values: APFloat truncates extra digits before it rounds, where rounding the exact value gives ...821 and ...228. */
  @Test void digitsAsApFloatCutsThem() {
    assertEquals("0.979368209", f32(0.9793682098388671875));
    assertEquals("0.967645227", f32(0.967645227909088134765625));
    assertEquals("0.850891768", f32(0.850891768932342529296875));
  }

  @Test void zerosAndSpecialValues() {
    assertEquals("0.000000e+00", f32(0.0));
    assertEquals("-0.000000e+00", f64(-0.0));
    assertEquals("0x7FC00000", f32(Float.NaN));
    assertEquals("0x7F800000", f32(Float.POSITIVE_INFINITY));
    assertEquals("0xFFF0000000000000", f64(Double.NEGATIVE_INFINITY));
  }

  @Test void halfAndBfloat() {
    assertEquals("6.550400e+04", FloatFormat.format(FloatType.F16, 65504.0));
    assertEquals("2.000000e+00", FloatFormat.format(FloatType.BF16, 2.0));
    assertEquals("0x7C00", FloatFormat.format(FloatType.F16, Double.POSITIVE_INFINITY));
    assertEquals(1.0f / 3, FloatFormat.roundTo(FloatType.F32, 1.0 / 3));
  }
}
