package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SolTensor: the array factories copy, the buffer and segment factories alias, and the accessors check types. */
class SolTensorTest {
  @Test void theSegmentFormAliasesTheCallersMemoryAlsoThroughARun() throws SolException {
    try (Arena arena = Arena.ofShared()) {
      MemorySegment mine = arena.allocate(6 * 4, SolTensor.ALIGNMENT);
      SolTensor x = SolTensor.of(new long[] {2, 3}, ElementType.FLOAT, mine);
      assertEquals(mine.address(), x.segment().address());
      mine.setAtIndex(ValueLayout.JAVA_FLOAT, 4, 2.5f);
      assertEquals(2.5, x.getDouble(4));
      try (SolModel model = SolModel.compile(TestModels.threeOutputs(),
          new SolOptions().constant("shape", SolTensor.of(new long[] {2}, new long[] {3, 2})));
           SolTensor a = SolTensor.of(new long[] {4}, new long[4])) {
        try (SolModel.Result r = model.run(Map.of("b", x, "a", a))) {
          assertArrayEquals(new float[] {0, 0, 0, 0, 5, 0}, r.get("twice").toFloatArray());
        }
        mine.setAtIndex(ValueLayout.JAVA_FLOAT, 0, -1f);
        try (SolModel.Result r = model.run(Map.of("b", x, "a", a))) {
          assertArrayEquals(new float[] {-2, 0, 0, 0, 5, 0}, r.get("twice").toFloatArray());
        }
      }
    }
  }

  @Test void aDirectFloatBufferIsWrappedAndAnArrayIsCopied() {
    FloatBuffer direct = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder()).asFloatBuffer();
    SolTensor x = SolTensor.of(new long[] {4}, direct);
    direct.put(1, 7f);
    assertEquals(7.0, x.getDouble(1));
    assertEquals(MemorySegment.ofBuffer(direct).address(), x.segment().address());
    float[] data = {1, 2};
    SolTensor y = SolTensor.of(new long[] {2}, data);
    data[0] = 9;
    assertArrayEquals(new float[] {1, 2}, y.toFloatArray());
    FloatBuffer swapped = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
        .asFloatBuffer().put(0, 3f).put(1, 4f);
    assertArrayEquals(new float[] {3, 4}, SolTensor.of(new long[] {2}, swapped).toFloatArray());
  }

  @Test void allocatedTensorsAreNativeAlignedAndFreedOnClose() {
    SolTensor t = SolTensor.allocate(new long[] {3, 5}, ElementType.INT32);
    assertEquals(0, t.segment().address() % SolTensor.ALIGNMENT);
    assertEquals(60, t.segment().byteSize());
    assertArrayEquals(new int[15], t.toIntArray());
    t.close();
    assertThrows(IllegalStateException.class, t::segment);
  }

  @Test void accessorsCheckTheElementType() {
    SolTensor f = SolTensor.of(new long[] {2}, new float[] {1, 2});
    assertEquals("toLongArray needs an integer or BOOL tensor; this one is FLOAT",
        assertThrows(IllegalStateException.class, f::toLongArray).getMessage());
    SolTensor i = SolTensor.of(new long[] {2}, new long[] {1, 2});
    assertEquals("toFloatArray needs a FLOAT or FLOAT16 tensor; this one is INT64", assertThrows(IllegalStateException.class, i::toFloatArray).getMessage());
    assertArrayEquals(new boolean[] {true, false}, SolTensor.of(new long[] {2}, new boolean[] {true, false}).toBooleanArray());
    assertEquals(-3, SolTensor.of(new long[] {1}, new byte[] {-3}).getLong(0));
    assertEquals("shape [2, 2] has 4 elements, but the data has 3",
        assertThrows(IllegalArgumentException.class, () -> SolTensor.of(new long[] {2, 2}, new float[3])).getMessage());
    assertEquals("shape [2] of FLOAT takes 8 bytes, but the data has 4",
        assertThrows(IllegalArgumentException.class, () -> SolTensor.of(new long[] {2}, ElementType.FLOAT, MemorySegment.ofArray(new int[1]))).getMessage());
  }

  @Test void tensorProtosRoundTrip() throws SolException {
    SolTensor t = SolTensor.of(new long[] {2, 1}, new int[] {-7, 8});
    SolTensor back = SolTensor.fromTensorProto(t.toTensorProto("t"));
    assertEquals(t.info(), back.info());
    assertArrayEquals(new int[] {-7, 8}, back.toIntArray());
    assertThrows(SolException.class, () -> SolTensor.fromTensorProto(new byte[] {1, 2, 3}));
  }
}
