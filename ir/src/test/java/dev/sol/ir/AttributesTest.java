package dev.sol.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttributesTest {
  private static final RankedTensorType T4 = new RankedTensorType(new long[] {4}, FloatType.F32);

  @Test void denseDataIsPackedAndEqualDataBecomesASplat() {
    DenseElementsAttr d = DenseElementsAttr.ofDoubles(T4, new double[] {1, 2, 3, 4.5});
    assertFalse(d.isSplat());
    assertEquals(16, d.rawData().length);
    assertEquals(4.5, d.getDouble(3));
    assertEquals("dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.500000e+00]> : tensor<4xf32>", d.toString());
    DenseElementsAttr s = DenseElementsAttr.ofDoubles(T4, new double[] {7, 7, 7, 7});
    assertTrue(s.isSplat());
    assertEquals(4, s.rawData().length);
    assertEquals(7.0, s.getDouble(2));
    assertEquals("dense<7.000000e+00> : tensor<4xf32>", s.toString());
  }

  @Test void denseIntegersFollowSignedness() {
    var i8 = new RankedTensorType(new long[] {2}, IntegerType.I8);
    DenseElementsAttr d = DenseElementsAttr.ofLongs(i8, new long[] {-1, 127});
    assertEquals(-1, d.getLong(0));
    var u8 = new RankedTensorType(new long[] {2}, new IntegerType(8, IntegerType.Signedness.UNSIGNED));
    assertEquals(255, DenseElementsAttr.ofLongs(u8, new long[] {255, 1}).getLong(0));
  }

  @Test void largeDenseDataPrintsAsHexAndBooleansPackBits() {
    var t = new RankedTensorType(new long[] {101}, IntegerType.I1);
    long[] bits = new long[101];
    bits[0] = 1;
    bits[9] = 1;
    DenseElementsAttr d = DenseElementsAttr.ofLongs(t, bits);
    String text = d.toString();
    assertTrue(text.startsWith("dense<\"0x0102"), text);
    DenseElementsAttr back = DenseElementsAttr.fromHex(t, java.util.HexFormat.of().parseHex(text.substring(9, 35)));
    assertEquals(d, back);
  }

  @Test void wrongDenseSizeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> DenseElementsAttr.fromRaw(T4, new byte[8]));
  }

  @Test void integersNormalizeToTheirWidth() {
    assertEquals(-1, new IntegerAttr(IntegerType.I8, 255).value());
    assertEquals("true", IntegerAttr.of(true).toString());
    assertEquals("42 : i64", IntegerAttr.i64(42).toString());
  }

  @Test void dictionariesAreSortedAndSearchable() {
    var d = new DictionaryAttr(List.of(new NamedAttribute("z", UnitAttr.INSTANCE), new NamedAttribute("a", IntegerAttr.i64(1))));
    assertEquals("{a = 1 : i64, z}", d.toString());
    assertEquals(UnitAttr.INSTANCE, d.get("z"));
    assertNull(d.get("m"));
    assertThrows(IllegalArgumentException.class,
        () -> new DictionaryAttr(List.of(new NamedAttribute("a", UnitAttr.INSTANCE), new NamedAttribute("a", UnitAttr.INSTANCE))));
  }

  @Test void stringsEscapeAsMlirDoes() {
    assertEquals("\"a\\0Ab\\22c\\\\\"", StringAttr.quote("a\nb\"c\\"));
  }

  @Test void affineExpressionsSimplifyAndPrintLikeMlir() {
    var d0 = new AffineExpr.Dim(0);
    var d1 = new AffineExpr.Dim(1);
    var s0 = new AffineExpr.Symbol(0);
    assertEquals("(d0, d1) -> (d0 - d1)", new AffineMap(2, 0, List.of(AffineExpr.sub(d0, d1))).toString());
    assertEquals("(d0, d1) -> (-d0 - d1 * 2)",
        new AffineMap(2, 0, List.of(AffineExpr.add(AffineExpr.neg(d0), AffineExpr.mul(d1, AffineExpr.constant(-2))))).toString());
    assertEquals("(d0)[s0] -> (d0 * 4 + s0 - 1)", new AffineMap(1, 1, List.of(
        AffineExpr.sub(AffineExpr.add(AffineExpr.mul(d0, AffineExpr.constant(4)), s0), AffineExpr.constant(1)))).toString());
    assertEquals(AffineExpr.constant(6), AffineExpr.mul(AffineExpr.constant(2), AffineExpr.constant(3)));
    assertTrue(AffineMap.identity(3).isIdentity());
  }

  @Test void typesPrintInMlirSyntax() {
    assertEquals("memref<?x4xf32, strided<[?, 1], offset: ?>, 1>", new MemRefType(new long[] {ShapedType.DYNAMIC, 4},
        FloatType.F32, new StridedLayoutAttr(ShapedType.DYNAMIC, new long[] {ShapedType.DYNAMIC, 1}), IntegerAttr.i64(1)).toString());
    assertEquals("(i32) -> (f32, f32)", new FunctionType(List.of(IntegerType.I32), List.of(FloatType.F32, FloatType.F32)).toString());
    assertArrayEquals(new long[] {2, 3}, new VectorType(new long[] {2, 3}, FloatType.F32).shape());
  }

  @Test void scalableVectorsKeepMlir16sTrailingRun() {
    VectorType fixed = new VectorType(new long[] {2, 4}, FloatType.F32);
    assertEquals("vector<2x4xf32>", fixed.toString());
    assertFalse(fixed.isScalable());
    VectorType last = VectorType.scalable(new long[] {2, 4}, FloatType.F32, 1);
    assertEquals("vector<2x[4]xf32>", last.toString());
    assertEquals("vector<[2x4]xf32>", VectorType.scalable(new long[] {2, 4}, FloatType.F32, 2).toString());
    assertEquals(last, new VectorType(new long[] {2, 4}, FloatType.F32, new boolean[] {false, true}));
    assertNotEquals(fixed, last);
    assertNotEquals(fixed.hashCode(), last.hashCode());
    assertEquals("vector<2x[4]xi1>", last.withElement(IntegerType.I1).toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new VectorType(new long[] {2, 4}, FloatType.F32, new boolean[] {true, false}));
    assertTrue(e.getMessage().contains("scalable dimensions must be trailing"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new VectorType(new long[] {2, 4}, FloatType.F32, new boolean[] {true}));
  }
}
