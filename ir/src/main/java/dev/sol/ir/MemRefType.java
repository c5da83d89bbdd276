package dev.sol.ir;

import java.util.Arrays;
import java.util.Objects;

/**
 * {@code memref<4x?xf32, strided<[?, 1]>, 1>}: a buffer with a shape, an optional layout
 * (affine map or strided) and an optional memory space.
 */
public record MemRefType(long[] shape, Type element, Attribute layout, Attribute memorySpace)
    implements Type, ShapedType {
  public MemRefType(long[] shape, Type element) { this(shape, element, null, null); }

  public MemRefType {
    shape = shape.clone();
  }

  /** True when the layout is the identity (absent, or an identity affine map). */
  public boolean hasIdentityLayout() {
    return layout == null || (layout instanceof AffineMapAttr m && m.map().isIdentity());
  }

  /**
   * The element strides when they are static: the row-major strides of the shape for the
   * identity layout, a strided layout's own; null for dynamic strides or another affine map.
   * Code generation folds them into addresses.
   */
  public long[] staticStrides() {
    if (layout instanceof StridedLayoutAttr s) {
      for (long x : s.strides()) if (x == ShapedType.DYNAMIC) return null;
      return s.strides().clone();
    }
    if (!hasIdentityLayout()) return null;
    long[] st = new long[shape.length];
    long acc = 1;
    for (int d = shape.length - 1; d >= 0; d--) {
      st[d] = acc;
      acc *= shape[d];
    }
    return st;
  }

  @Override public boolean equals(Object o) {
    return o instanceof MemRefType t && Arrays.equals(shape, t.shape) && element.equals(t.element)
        && Objects.equals(layout, t.layout) && Objects.equals(memorySpace, t.memorySpace);
  }

  @Override public int hashCode() { return Arrays.hashCode(shape) * 31 + element.hashCode(); }

  /** An i64 memory space prints without its type, as in MLIR. */
  static String memorySpaceText(Attribute space) {
    return space instanceof IntegerAttr i && i.type().equals(IntegerType.I64) ? Long.toString(i.value()) : space.toString();
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("memref<").append(ShapedType.dims(shape)).append(element);
    if (layout != null) sb.append(", ").append(layout);
    if (memorySpace != null) sb.append(", ").append(memorySpaceText(memorySpace));
    return sb.append('>').toString();
  }
}
