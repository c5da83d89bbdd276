package dev.sol.ir;

/** {@code affine_map<(d0) -> (d0)>}. */
public record AffineMapAttr(AffineMap map) implements Attribute {
  @Override public String toString() { return "affine_map<" + map + ">"; }
}
