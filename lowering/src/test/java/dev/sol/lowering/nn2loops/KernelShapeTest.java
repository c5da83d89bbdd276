package dev.sol.lowering.nn2loops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sol.lowering.TargetDescription;
import org.junit.jupiter.api.Test;

/** The register tile {@link KernelShape#choose} takes for a product, on 32 and on 16 vector registers. */
class KernelShapeTest {
  private static final TargetDescription AVX512 = new TargetDescription(16, 32, 1 << 20, 32 << 20);
  private static final TargetDescription AVX2 = new TargetDescription(8, 16, 512 << 10, 32 << 20);

  @Test void sixRowsOfFourVectorsWhereTheyFit() {
    assertTile(AVX512, 1024, 1024, 256, 6, 4);
    assertTile(AVX512, 192, 784, 1152, 6, 4);
  }

  @Test void eightRowsWhereSixLeaveRowsEmpty() {
    assertTile(AVX512, 32, 3136, 288, 8, 3);
  }

  /**
   * MobileNet-v2's turned 1 x 1 products: 49 pixels by 160 and 960 channels, 196 by 96. A
   * tile of 20 accumulators is never taken, though 4 x 5 would cover 192 x 784 with 4% less.
   */
  @Test void theTileThatLeavesLessEmpty() {
    assertTile(AVX512, 49, 160, 960, 5, 5);
    assertTile(AVX512, 49, 960, 160, 5, 5);
    assertTile(AVX512, 196, 96, 576, 8, 3);
    assertTile(AVX512, 100, 96, 64, 4, 6);
  }

  @Test void sixteenRegistersKeepSixByTwo() {
    assertTile(AVX2, 49, 160, 960, 6, 2);
    assertTile(AVX2, 196, 96, 576, 6, 2);
  }

  @Test void fewRowsMakeTheTileWider() {
    assertTile(AVX512, 3, 1000, 64, 3, 8);
    assertTile(AVX512, 1, 40, 64, 1, 3);
  }

  /**
   * A product whose columns take one vector (a turned convolution to 9 channels) narrows the
   * tile to it and makes it 8 rows tall, or fewer where they leave less empty: 49 pixels in 7
   * rows. Two vectors keep 6 rows.
   */
  @Test void columnsOfOneVectorMakeTheTileTaller() {
    assertTile(AVX512, 50176, 9, 288, 8, 1);
    assertTile(AVX512, 49, 16, 64, 7, 1);
    assertTile(AVX2, 3136, 8, 27, 8, 1);
    assertTile(AVX512, 50176, 32, 288, 6, 2);
  }

  private static void assertTile(TargetDescription t, long m, long n, long k, int mr, int nv) {
    KernelShape s = KernelShape.choose(t, m, n, k);
    assertEquals(mr + " x " + nv, s.mr() + " x " + s.nv(), "tile of " + m + " x " + n + " x " + k);
  }
}
