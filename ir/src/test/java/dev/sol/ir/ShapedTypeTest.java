package dev.sol.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Element counts never wrap around, and shapes beyond SOL's limits are named with the reason. */
class ShapedTypeTest {
  @Test void elementCountsAreCheckedNotWrapped() {
    assertEquals(24, new RankedTensorType(new long[] {2, 3, 4}, FloatType.F32).numElements());
    assertEquals(1, new RankedTensorType(new long[0], FloatType.F32).numElements());
    // 2^62 + 1 times 4 is 4 modulo 2^64: the wrapped count would let a reshape of 4 bytes "fit".
    RankedTensorType wraps = new RankedTensorType(new long[] {4611686018427387905L, 4}, IntegerType.I8);
    assertThrows(ArithmeticException.class, wraps::numElements);
    assertThrows(ArithmeticException.class, () -> new MemRefType(new long[] {1L << 32, 1L << 32}, FloatType.F32).numElements());
    assertEquals(0, ShapedType.elementCount(new long[] {1L << 40, 1L << 40, 0}), "a zero dimension empties the shape, whatever the others");
  }

  @Test void shapeProblemsNameTheReason() {
    assertNull(ShapedType.shapeProblem(new long[] {1, 3, 224, 224}));
    assertNull(ShapedType.shapeProblem(new long[] {ShapedType.DYNAMIC, 1L << 30}), "dynamic dimensions are not counted");
    assertNull(ShapedType.shapeProblem(new long[] {ShapedType.MAX_ELEMENTS}));
    assertEquals("has a negative dimension (-5)", ShapedType.shapeProblem(new long[] {1, 1, -5, -5}));
    assertEquals("has a dimension of 2147483648, more than SOL's limit of 2147483647", ShapedType.shapeProblem(new long[] {1L << 31}));
    assertEquals("has 4294967296 elements, more than SOL's limit of 2147483647", ShapedType.shapeProblem(new long[] {65536, 65536}));
    assertEquals("has 13835058042397261827 elements, more than SOL's limit of 2147483647",
        ShapedType.shapeProblem(new long[] {Integer.MAX_VALUE, Integer.MAX_VALUE, 3}), "counted exactly beyond 64 bits");
    assertEquals("[2, ?, 4]", ShapedType.describe(new long[] {2, ShapedType.DYNAMIC, 4}));
  }
}
