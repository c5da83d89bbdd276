package dev.sol.lowering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sol.lowering.ArenaLayout.Lifetime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Interval packing of buffer lifetimes: no two buffers alive together share bytes, offsets are aligned, the arena meets the peak where it can. */
class ArenaLayoutTest {
  @Test void aChainReusesTheBytesOfDeadBuffers() {
    // a -> b -> c -> d: each buffer dies when the next one has been computed from it.
    List<Lifetime> chain = List.of(new Lifetime(256, 0, 1), new Lifetime(256, 1, 2), new Lifetime(256, 2, 3), new Lifetime(256, 3, 4));
    ArenaLayout layout = ArenaLayout.plan(chain);
    assertEquals(512, layout.bytes());
    assertEquals(512, ArenaLayout.peak(chain));
    assertArrayEquals(new long[] {0, 256, 0, 256}, layout.offsets());
  }

  @Test void sizesRoundUpToCacheLines() {
    List<Lifetime> two = List.of(new Lifetime(4, 0, 1), new Lifetime(100, 0, 1), new Lifetime(0, 1, 1));
    ArenaLayout layout = ArenaLayout.plan(two);
    assertEquals(64 + 128 + 64, layout.bytes());
    for (long o : layout.offsets()) assertEquals(0, o % ArenaLayout.ALIGNMENT);
  }

  @Test void aSmallBufferFillsTheGapABigOneLeft() {
    // A big buffer dies early; a small long-lived one and a later big one must not collide.
    List<Lifetime> buffers = List.of(new Lifetime(1024, 0, 2), new Lifetime(64, 1, 6), new Lifetime(512, 3, 5), new Lifetime(512, 4, 6));
    ArenaLayout layout = ArenaLayout.plan(buffers);
    assertDisjoint(buffers, layout);
    assertEquals(ArenaLayout.peak(buffers), layout.bytes());
  }

  @Test void randomLifetimesNeverOverlapAndComeCloseToThePeak() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      List<Lifetime> buffers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int start = random.nextInt(60);
        buffers.add(new Lifetime(64L * (1 + random.nextInt(64)), start, start + random.nextInt(8)));
      }
      ArenaLayout layout = ArenaLayout.plan(buffers);
      assertDisjoint(buffers, layout);
      long peak = ArenaLayout.peak(buffers);
      assertTrue(layout.bytes() >= peak && layout.bytes() <= peak * 3 / 2, "arena " + layout.bytes() + " for a peak of " + peak);
    }
  }

  private static void assertDisjoint(List<Lifetime> buffers, ArenaLayout layout) {
    for (int i = 0; i < buffers.size(); i++) {
      for (int j = i + 1; j < buffers.size(); j++) {
        Lifetime a = buffers.get(i);
        Lifetime b = buffers.get(j);
        if (!a.meets(b)) continue;
        long ai = layout.offsets()[i];
        long bj = layout.offsets()[j];
        assertTrue(ai + a.aligned() <= bj || bj + b.aligned() <= ai, "buffers " + i + " and " + j + " are alive together and share bytes");
      }
      assertTrue(layout.offsets()[i] + buffers.get(i).aligned() <= layout.bytes());
    }
  }
}
