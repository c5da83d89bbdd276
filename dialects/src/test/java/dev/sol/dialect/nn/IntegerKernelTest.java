package dev.sol.dialect.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sol.dialect.Dialects;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The nn kernels on integer tensors compute exactly in longs, wrap to the element width and
 * honour unsignedness: every expected value here is one that a computation through doubles,
 * or a signed view of unsigned data, gets wrong.
 */
class IntegerKernelTest {
  private static final IntegerType UI8 = new IntegerType(8, IntegerType.Signedness.UNSIGNED);
  private static final IntegerType UI64 = new IntegerType(64, IntegerType.Signedness.UNSIGNED);
  private static final long TWO_62 = 1L << 62;

  private final IRContext ctx = Dialects.newContextWithNn();

  private static Tensor of(Type element, long... values) {
    return Tensor.ofLongs(element, new long[] {values.length}, values);
  }

  /** Runs nn op {@code name} on constants; its result types are inferred unless {@code result} is given. */
  private Tensor run(String name, Type result, Attribute[] attributes, Tensor... inputs) {
    Builder b = new Builder(ctx);
    List<Value> operands = new ArrayList<>();
    for (Tensor t : inputs) operands.add(ConstantOp.create(b, Location.UNKNOWN, t.toAttribute()).result());
    OperationState s = new OperationState(name, Location.UNKNOWN).operands(operands).results(result != null ? result : NoneType.INSTANCE);
    for (int i = 0; i < attributes.length; i += 2) s.attribute(((StringAttr) attributes[i]).value(), attributes[i + 1]);
    NnOp op = (NnOp) Operation.create(ctx, s);
    if (result == null) op.result(0).setType(op.inferResultTypes().getFirst());
    return op.evaluate(List.of(inputs)).getFirst();
  }

  private Tensor run(String name, Tensor... inputs) { return run(name, null, new Attribute[0], inputs); }

  private static Attribute[] attrs(Object... keyValues) {
    Attribute[] a = new Attribute[keyValues.length];
    for (int i = 0; i < a.length; i += 2) {
      a[i] = new StringAttr((String) keyValues[i]);
      a[i + 1] = switch (keyValues[i + 1]) {
        case Double d -> new FloatAttr(FloatType.F64, d);
        case long[] l -> DenseArrayAttr.ofLongs(IntegerType.I64, l);
        case Long l -> IntegerAttr.i64(l);
        default -> throw new IllegalArgumentException();
      };
    }
    return a;
  }

  private static long[] longs(Tensor t) {
    long[] out = new long[t.size()];
    for (int i = 0; i < out.length; i++) out[i] = t.getLong(i);
    return out;
  }

  @Test void int64ArithmeticIsExactAndWraps() {
    Tensor big = of(IntegerType.I64, TWO_62 - 1, Long.MAX_VALUE, (1L << 32) + 1);
    assertArrayEquals(new long[] {Long.MAX_VALUE - 1, Long.MIN_VALUE, (1L << 32) + 2},
        longs(run("nn.add", big, of(IntegerType.I64, TWO_62 - 1, 1, 1))));
    assertArrayEquals(new long[] {Long.MAX_VALUE - 1, -2, -1}, longs(run("nn.mul", big, of(IntegerType.I64, 2, 2, (1L << 32) - 1))));
    assertArrayEquals(new long[] {-1, Long.MAX_VALUE - 1}, longs(run("nn.sub", of(IntegerType.I64, TWO_62, Long.MAX_VALUE), of(IntegerType.I64, TWO_62 + 1, 1))));
    assertArrayEquals(new long[] {-3, 3, (Long.MAX_VALUE - 1) / 3}, longs(run("nn.div", of(IntegerType.I64, -7, 7, Long.MAX_VALUE - 1), of(IntegerType.I64, 2, 2, 3))));
    assertArrayEquals(new long[] {TWO_62 + 1}, longs(run("nn.max", of(IntegerType.I64, TWO_62 + 1), of(IntegerType.I64, TWO_62))));
  }

  @Test void narrowIntegersWrapToTheirWidth() {
    assertArrayEquals(new long[] {-56, 127}, longs(run("nn.add", of(IntegerType.I8, 100, -128), of(IntegerType.I8, 100, -1))));
    assertArrayEquals(new long[] {-128}, longs(run("nn.div", of(IntegerType.I8, -128), of(IntegerType.I8, -1))));
  }

  @Test void unsignedTensorsDivideAndCompareUnsigned() {
    assertArrayEquals(new long[] {252, 83, 0}, longs(run("nn.sub", of(UI8, 1, 250, 7), of(UI8, 5, 167, 7))));
    assertArrayEquals(new long[] {83}, longs(run("nn.div", of(UI8, 250), of(UI8, 3))));
    assertArrayEquals(new long[] {200, 255}, longs(run("nn.max", of(UI8, 200, 255), of(UI8, 100, 0))));
    assertArrayEquals(new long[] {100, 0}, longs(run("nn.min", of(UI8, 200, 255), of(UI8, 100, 0))));
    // ui64 values of 2^63 and above are negative longs.
    assertArrayEquals(new long[] {Long.MAX_VALUE}, longs(run("nn.div", of(UI64, -2), of(UI64, 2))));
    assertArrayEquals(new long[] {Long.MIN_VALUE, 1}, longs(run("nn.max", of(UI64, Long.MIN_VALUE, 0), of(UI64, 1, 1))));
  }

  @Test void integerPowersAreExact() {
    // 3^39 needs 62 bits: a double holds only 53.
    assertArrayEquals(new long[] {4052555153018976267L, 0, -1, 1, 1}, longs(run("nn.pow", of(IntegerType.I64, 3, 2, -1, 1, 7), of(IntegerType.I64, 39, -1, -3, -5, 0))));
    assertArrayEquals(new long[] {1L << 40}, longs(run("nn.pow", of(IntegerType.I64, 2), of(UI8, 40))));
    // An integer base with a float exponent goes through doubles, truncated.
    assertArrayEquals(new long[] {2}, longs(run("nn.pow", of(IntegerType.I32, 8), Tensor.ofDoubles(FloatType.F32, new long[] {1}, new double[] {0.4}))));
  }

  @Test void clipOnIntegersUsesTheNearestBoundsInside() {
    Attribute[] bounds = attrs("min", -2.5, "max", 100.7);
    assertArrayEquals(new long[] {-2, -2, 0, 100}, longs(run("nn.clip", null, bounds, of(IntegerType.I8, -128, -3, 0, 127))));
    assertArrayEquals(new long[] {0, 200, 3}, longs(run("nn.clip", null, attrs("min", -5.0, "max", 200.0), of(UI8, 0, 250, 3))));
    assertArrayEquals(new long[] {TWO_62, (1L << 53) + 1}, longs(run("nn.clip", null, attrs("max", 0x1p62), of(IntegerType.I64, TWO_62 + 1, (1L << 53) + 1))));
    assertArrayEquals(new long[] {3, 3}, longs(run("nn.clip", null, attrs("min", 5.0, "max", 3.0), of(IntegerType.I32, 0, 9))));
  }

  @Test void unaryOpsOnIntegers() {
    assertArrayEquals(new long[] {-128, 5, 0}, longs(run("nn.abs", of(IntegerType.I8, -128, -5, 0))));
    assertArrayEquals(new long[] {200}, longs(run("nn.abs", of(UI8, 200))));
    assertArrayEquals(new long[] {-TWO_62 - 1, Long.MIN_VALUE}, longs(run("nn.neg", of(IntegerType.I64, TWO_62 + 1, Long.MIN_VALUE))));
    assertArrayEquals(new long[] {200, 0}, longs(run("nn.relu", of(UI8, 200, 0))));
    assertArrayEquals(new long[] {0, 7}, longs(run("nn.relu", of(IntegerType.I16, -7, 7))));
    assertArrayEquals(new long[] {(1L << 53) + 1}, longs(run("nn.identity", of(IntegerType.I64, (1L << 53) + 1))));
    // The type check refuses it before any kernel runs (the verifier reports it as "'nn.exp' op ...").
    ShapeError e = assertThrows(ShapeError.class, () -> run("nn.exp", of(IntegerType.I32, 1)));
    assertEquals("is defined on floats only, not on i32 elements", e.getMessage());
  }

  @Test void reductionsOnIntegers() {
    Tensor x = of(IntegerType.I64, (1L << 61) + 1, (1L << 61) + 1);
    assertArrayEquals(new long[] {TWO_62 + 2}, longs(run("nn.reduce_sum", null, attrs("keepdims", 0L), x)));
    assertArrayEquals(new long[] {(1L << 61) + 1}, longs(run("nn.reduce_mean", null, attrs("keepdims", 0L), x)));
    assertArrayEquals(new long[] {-3}, longs(run("nn.reduce_mean", null, attrs("keepdims", 0L), of(IntegerType.I32, -7, 0))));
    assertArrayEquals(new long[] {200}, longs(run("nn.reduce_max", of(UI8, 5, 200, 130))));
    assertArrayEquals(new long[] {5}, longs(run("nn.reduce_min", of(UI64, Long.MIN_VALUE, 5))));
    assertArrayEquals(new long[] {-128}, longs(run("nn.reduce_max", of(IntegerType.I8, -128, -128))));
    assertArrayEquals(new long[] {-1}, longs(run("nn.reduce_prod", of(IntegerType.I64, (1L << 32) - 1, (1L << 32) + 1))));
  }

  @Test void maxPoolOnIntegers() {
    Attribute[] window = attrs("kernel_shape", new long[] {1, 2}, "strides", new long[] {1, 2});
    Tensor u = Tensor.ofLongs(UI8, new long[] {1, 1, 1, 4}, new long[] {10, 200, 130, 5});
    assertArrayEquals(new long[] {200, 130}, longs(run("nn.max_pool", null, window, u)));
    Tensor s = Tensor.ofLongs(IntegerType.I8, new long[] {1, 1, 1, 4}, new long[] {-1, -128, -128, -128});
    assertArrayEquals(new long[] {-1, -128}, longs(run("nn.max_pool", null, window, s)));
  }

  @Test void matrixProductsOnIntegers() {
    Tensor a = Tensor.ofLongs(IntegerType.I64, new long[] {1, 2}, new long[] {1L << 31, 1});
    Tensor b = Tensor.ofLongs(IntegerType.I64, new long[] {2, 1}, new long[] {1L << 31, 1});
    assertArrayEquals(new long[] {TWO_62 + 1}, longs(run("nn.matmul", a, b)));
    Tensor c = Tensor.ofLongs(IntegerType.I64, new long[] {1}, new long[] {1});
    assertArrayEquals(new long[] {Long.MIN_VALUE + 5}, longs(run("nn.gemm", null, attrs("alpha", 2.0, "beta", 3.0), a, b, c)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run("nn.gemm", null, attrs("alpha", 0.5), a, b));
    assertEquals("gemm on i64 elements needs integral alpha and beta, got 0.5 and 1.0", e.getMessage());
  }

  @Test void castsKeepUnsignedValues() {
    RankedTensorType f64 = new RankedTensorType(new long[] {2}, FloatType.F64);
    Tensor d = run("nn.cast", f64, new Attribute[0], of(UI64, -1, Long.MIN_VALUE));
    assertEquals(0x1p64, d.get(0));
    assertEquals(0x1p63, d.get(1));
    Tensor u = run("nn.cast", new RankedTensorType(new long[] {2}, UI64), new Attribute[0], Tensor.ofDoubles(FloatType.F64, new long[] {2}, new double[] {1.5e19, 7.9}));
    assertEquals("15000000000000000000", Long.toUnsignedString(u.getLong(0)));
    assertEquals(7, u.getLong(1));
    RankedTensorType ui64 = new RankedTensorType(new long[] {1}, UI64);
    assertArrayEquals(new long[] {-1}, longs(run("nn.cast", ui64, new Attribute[0], of(IntegerType.I8, -1))));
    assertArrayEquals(new long[] {255}, longs(run("nn.cast", ui64, new Attribute[0], of(UI8, 255))));
    Tensor nan = run("nn.cast", new RankedTensorType(new long[] {1}, IntegerType.I32), new Attribute[0], Tensor.ofDoubles(FloatType.F32, new long[] {1}, new double[] {Double.NaN}));
    assertEquals(0, nan.getLong(0));
  }

  @Test void reinterpretingKeepsTheBits() {
    Tensor u = of(UI8, 255, 128, 7);
    Tensor s = u.reinterpreted(IntegerType.I8);
    assertArrayEquals(new long[] {-1, -128, 7}, longs(s));
    assertArrayEquals(new long[] {255, 128, 7}, longs(s.reinterpreted(UI8)));
    assertThrows(IllegalArgumentException.class, () -> u.reinterpreted(IntegerType.I16));
  }

  @Test void integerSemantics() {
    assertEquals(-128, Integers.lowest(IntegerType.I8));
    assertEquals(127, Integers.highest(IntegerType.I8));
    assertEquals(255, Integers.highest(UI8));
    assertEquals(-1, Integers.highest(UI64));
    assertEquals(Long.MIN_VALUE, Integers.lowest(IntegerType.I64));
    assertEquals(0x1p64, Integers.toDouble(-1, true));
    assertEquals(0x1p63 + 2048, Integers.toDouble(Long.MIN_VALUE + 1025, true));
    assertEquals(-2, Integers.bound(-2.5, IntegerType.I8, true));
    assertEquals(-3, Integers.bound(-2.5, IntegerType.I8, false));
    assertEquals(-128, Integers.bound(Double.NEGATIVE_INFINITY, IntegerType.I8, true));
    assertEquals(0, Integers.bound(-5, UI8, true));
    assertEquals(-1, Integers.bound(1e30, UI64, false));
  }
}
