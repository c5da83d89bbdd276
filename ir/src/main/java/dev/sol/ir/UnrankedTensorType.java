package dev.sol.ir;

/** {@code tensor<*xf32>}. */
public record UnrankedTensorType(Type element) implements Type, ShapedType {
  @Override public long[] shape() { return null; }
  @Override public String toString() { return "tensor<*x" + element + ">"; }
}
