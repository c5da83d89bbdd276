package dev.sol.lowering.nn2loops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** When the threads of a parallel loop over chunks finish ({@link ChunkSchedule#finish}), and the chunk that balances them. */
class ChunkScheduleTest {
  /**
   * 441 rows in chunks of 48: ten, five to a range; the second range's last chunk is 9 rows,
   * so it finishes at 201 while the first thread is in its last chunk, to 240.
   */
  @Test void aShortLastChunkLeavesOneThreadTheMore() {
    assertEquals(240, ChunkSchedule.finish(441, 48, 2));
    assertEquals(225, ChunkSchedule.finish(441, 54, 2));
    assertEquals(222, ChunkSchedule.finish(441, 222, 2));
  }

  @Test void evenChunksFinishTogether() {
    assertEquals(240, ChunkSchedule.finish(480, 48, 2));
    assertEquals(100, ChunkSchedule.finish(300, 10, 3));
    assertEquals(300, ChunkSchedule.finish(300, 10, 1));
  }

  /** The ranges are cut by chunks, [t n / T, (t + 1) n / T): seven chunks on three threads are two, two and three. */
  @Test void rangesOfWholeChunks() {
    assertEquals(30, ChunkSchedule.finish(70, 10, 3));
    assertEquals(20, ChunkSchedule.finish(60, 10, 3));
  }

  @Test void theChunkWithWhichTheThreadsFinishSoonest() {
    assertEquals(54, ChunkSchedule.balanced(441, 6, 48, 48, 54, 2));
    // 256 rows: chunks of 48 leave 144 rows to one thread; of 42, 126 and 130.
    assertEquals(144, ChunkSchedule.finish(256, 48, 2));
    assertEquals(42, ChunkSchedule.balanced(256, 6, 48, 6, 48, 2));
    // 49 rows: 48 and 1, or 24, 24 and 1.
    assertEquals(24, ChunkSchedule.balanced(49, 6, 48, 6, 48, 2));
    assertEquals(25, ChunkSchedule.finish(49, 24, 2));
  }

  /** Chunks of whole vectors (96 rows: 400 for one thread) stay where another size gains under 3%. */
  @Test void wholeVectorsWhereTheyAreAboutAsGood() {
    assertEquals(400, ChunkSchedule.finish(784, 96, 2));
    assertEquals(96, ChunkSchedule.balanced(784, 6, 48, 48, 96, 2));
  }

  @Test void allRowsWhenTheyFitOneChunkAndOneThreadTakesTheLargest() {
    assertEquals(49, ChunkSchedule.balanced(49, 6, 48, 48, 96, 2));
    assertEquals(96, ChunkSchedule.balanced(441, 6, 48, 48, 96, 1));
  }
}
