package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The comparison sol-bench uses: element-wise tolerance, with the absolute part raised to a fraction of the output's scale. */
class CompareToScaleTest {
  private static final long[] SHAPE = {1, 3};

  /** An element that is a small difference of large terms may be off by more than 1e-3 of itself, not of the output's scale. */
  @Test void aSmallElementOfALargeOutputIsJudgedAgainstTheScale() {
    SolTensor expected = SolTensor.of(SHAPE, new float[] {762184f, 839.995f, -5000f});
    SolTensor actual = SolTensor.of(SHAPE, new float[] {762186f, 839.094f, -5000.5f});
    String elementwise = ConformanceCase.compare(actual, expected, 1e-3, 1e-4);
    assertTrue(elementwise != null && elementwise.startsWith("element 1 is 839.09"), elementwise);
    assertNull(ConformanceCase.compareToScale(actual, expected, 1e-3, 1e-4, 1e-4));
    assertEquals(2.0 / 762184, ConformanceCase.differenceToScale(actual, expected), 1e-12);
  }

  /** A wrong element is still wrong: 200 off at a scale of 762184 is 2.6e-4 of it. */
  @Test void aWrongElementFails() {
    SolTensor expected = SolTensor.of(SHAPE, new float[] {762184f, 839.995f, -5000f});
    SolTensor actual = SolTensor.of(SHAPE, new float[] {762184f, 1039.995f, -5000f});
    String d = ConformanceCase.compareToScale(actual, expected, 1e-3, 1e-4, 1e-4);
    assertTrue(d != null && d.startsWith("element 1 is 1039.99"), d);
  }

  /** Outputs of scale 1 or less keep the absolute tolerance as it is. */
  @Test void smallOutputsKeepTheAbsoluteTolerance() {
    SolTensor expected = SolTensor.of(SHAPE, new float[] {0.5f, 0.25f, 0f});
    assertNull(ConformanceCase.compareToScale(SolTensor.of(SHAPE, new float[] {0.5f, 0.25f, 9e-5f}), expected, 1e-3, 1e-4, 1e-4));
    String d = ConformanceCase.compareToScale(SolTensor.of(SHAPE, new float[] {0.5f, 0.25f, 2e-4f}), expected, 1e-3, 1e-4, 1e-4);
    assertTrue(d != null && d.startsWith("element 2 is 1.99"), d);
  }
}
