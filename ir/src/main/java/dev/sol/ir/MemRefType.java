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
