package dev.sol.ir;

/** {@code memref<*xf32>}. */
public record UnrankedMemRefType(Type element, Attribute memorySpace) implements Type, ShapedType {
  @Override public long[] shape() { return null; }
  @Override public String toString() {
    return "memref<*x" + element + (memorySpace == null ? "" : ", " + MemRefType.memorySpaceText(memorySpace)) + ">";
  }
}
