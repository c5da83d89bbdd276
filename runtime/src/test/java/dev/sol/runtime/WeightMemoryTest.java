package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JIT's block of constants: each constant's bytes, 64-byte aligned, from arrays or read from a cache file. */
class WeightMemoryTest {
  private static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + seed);
    return b;
  }

  @Test void arraysAreCopiedAlignedAndWhole() throws InterruptedException {
    Map<String, byte[]> constants = new LinkedHashMap<>();
    constants.put("a", bytes(1, 1));
    constants.put("b", bytes(1000, 2));
    constants.put("c", bytes(65, 3));
    try (WeightMemory w = WeightMemory.ofArrays(constants)) {
      assertEquals(constants.keySet(), w.segments().keySet());
      for (Map.Entry<String, byte[]> c : constants.entrySet()) {
        MemorySegment s = w.segments().get(c.getKey());
        assertEquals(0, s.address() % 64, c.getKey() + " is 64-byte aligned");
        assertArrayEquals(c.getValue(), s.asSlice(0, c.getValue().length).toArray(ValueLayout.JAVA_BYTE));
      }
      // Only a mapped file moves.
      w.moveToHugePages();
      assertFalse(w.awaitMove());
    }
  }

  @Test void aCacheFileIsReadIntoTheBlock(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("w.weights");
    byte[] data = bytes(200, 5);
    Files.write(file, data);
    Map<String, long[]> slots = new LinkedHashMap<>();
    slots.put("x", new long[] {0, 10});
    slots.put("y", new long[] {64, 136});
    try (FileChannel ch = FileChannel.open(file); WeightMemory w = WeightMemory.read(ch, slots)) {
      assertArrayEquals(data, w.block().toArray(ValueLayout.JAVA_BYTE));
      assertArrayEquals(java.util.Arrays.copyOfRange(data, 64, 200), w.segments().get("y").toArray(ValueLayout.JAVA_BYTE));
      assertEquals(10, w.segments().get("x").byteSize());
    }
    slots.put("z", new long[] {190, 20});
    try (FileChannel ch = FileChannel.open(file)) {
      IOException e = assertThrows(IOException.class, () -> WeightMemory.read(ch, slots));
      assertEquals("a constant lies outside the weights", e.getMessage());
    }
  }

  /** The line of /proc/self/maps whose range holds {@code address}. */
  private static String mappingOf(long address) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
      String[] range = line.substring(0, line.indexOf(' ')).split("-");
      if (Long.parseUnsignedLong(range[0], 16) <= address && address < Long.parseUnsignedLong(range[1], 16)) return line;
    }
    return "";
  }

  @Test void aMappedCacheFileMovesIntoAnonymousMemoryAtTheSameAddress(@TempDir Path dir) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux's /proc");
    Path file = dir.resolve("m.weights");
    byte[] data = bytes((5 << 20) + 123, 7);  // more than two huge pages and a partial page
    Files.write(file, data);
    Map<String, long[]> slots = new LinkedHashMap<>();
    slots.put("p", new long[] {0, 100});
    slots.put("q", new long[] {3 << 20, data.length - (3 << 20)});
    try (WeightMemory w = WeightMemory.map(file, slots)) {
      long address = w.block().address();
      assertEquals(0, address % (2 << 20), "the block starts at a huge-page boundary");
      assertTrue(mappingOf(address).endsWith(file.toString()), mappingOf(address));
      assertArrayEquals(data, w.block().toArray(ValueLayout.JAVA_BYTE));
      w.moveToHugePages();
      assertTrue(w.awaitMove());
      assertEquals(address, w.block().address());
      assertFalse(mappingOf(address).contains(file.toString()), "moved off the file: " + mappingOf(address));
      assertFalse(mappingOf(address + data.length - 1).contains(file.toString()));
      assertArrayEquals(data, w.block().toArray(ValueLayout.JAVA_BYTE));
      assertArrayEquals(java.util.Arrays.copyOfRange(data, 3 << 20, data.length), w.segments().get("q").toArray(ValueLayout.JAVA_BYTE));
    }
    slots.put("r", new long[] {data.length - 1, 2});
    IOException e = assertThrows(IOException.class, () -> WeightMemory.map(file, slots));
    assertEquals("a constant lies outside the weights", e.getMessage());
  }

  /** A file of several copy chunks (32 MiB) moves chunk by chunk: every chunk, the partial last one too, ends off the file with its values. */
  @Test void aFileOfSeveralChunksMovesChunkByChunk(@TempDir Path dir) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux's /proc");
    Path file = dir.resolve("big.weights");
    byte[] data = bytes((70 << 20) + 123, 11);
    Files.write(file, data);
    Map<String, long[]> slots = new LinkedHashMap<>();
    slots.put("all", new long[] {0, data.length});
    try (WeightMemory w = WeightMemory.map(file, slots)) {
      long address = w.block().address();
      w.moveToHugePages();
      assertTrue(w.awaitMove());
      for (long at : new long[] {0, (32L << 20) - 1, 32L << 20, (64L << 20) + 5, data.length - 1}) {
        assertFalse(mappingOf(address + at).contains(file.toString()), "byte " + at + " moved off the file: " + mappingOf(address + at));
      }
      assertArrayEquals(data, w.block().toArray(ValueLayout.JAVA_BYTE));
    }
  }

  @Test void closingWhileTheCopyRunsLeavesNothingBehind(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("c.weights");
    Files.write(file, bytes(64 << 20, 9));
    for (int i = 0; i < 3; i++) {
      WeightMemory w = WeightMemory.map(file, Map.of("a", new long[] {0, 64 << 20}));
      long address = w.block().address();
      w.moveToHugePages();
      w.close();
      if (Files.isReadable(Path.of("/proc/self/maps"))) assertEquals("", mappingOf(address), "unmapped at close");
    }
  }
}
