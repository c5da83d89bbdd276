package dev.sol.ir;

/**
 * A dialect attribute that no loaded dialect understands ({@code #arith.fastmath<none>});
 * it keeps its text so that it prints back unchanged.
 */
public record OpaqueAttr(String name, String params) implements Attribute {
  @Override public String toString() { return "#" + name + params; }
}
