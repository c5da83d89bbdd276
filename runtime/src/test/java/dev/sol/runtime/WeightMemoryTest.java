package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  @Test void arraysAreCopiedAlignedAndWhole() {
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
}
