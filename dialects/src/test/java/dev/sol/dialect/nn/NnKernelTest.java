package dev.sol.dialect.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sol.ir.*;
import org.junit.jupiter.api.Test;

class NnKernelTest {
  @Test void erfMatchesKnownValues() {
    assertEquals(0.0, Erf.erf(0), 0);
    assertEquals(0.5204998778130465, Erf.erf(0.5), 1e-15);
    assertEquals(0.8427007929497149, Erf.erf(1), 1e-15);
    assertEquals(-0.9953222650189527, Erf.erf(-2), 1e-15);
    assertEquals(0.9999999845827421, Erf.erf(4), 1e-15);
    assertEquals(1.0, Erf.erf(10), 0);
  }

  @Test void broadcastShapesAndIndices() {
    assertArrayEquals(new long[] {2, 3, 4}, Broadcast.shape(new long[] {2, 1, 4}, new long[] {3, 1}));
    assertThrows(ShapeError.class, () -> Broadcast.shape(new long[] {2, 3}, new long[] {4}));
    assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, Broadcast.indexMap(new long[] {3}, new long[] {2, 3}));
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, Broadcast.indexMap(new long[] {2, 1}, new long[] {2, 3}));
  }

  @Test void tensorsRoundToTheirElementType() {
    Tensor t = Tensor.zeros(FloatType.F32, new long[] {1});
    t.set(0, 0.1);
    assertEquals((float) 0.1, t.get(0));
    Tensor i = Tensor.zeros(IntegerType.I8, new long[] {1});
    i.setLong(0, 300);
    assertEquals(44, i.getLong(0));
    DenseElementsAttr a = Tensor.ofDoubles(FloatType.F32, new long[] {2}, new double[] {1, 2}).toAttribute();
    assertEquals(2.0, Tensor.fromAttribute(a).get(1));
  }
}
