package dev.sol.ir;

/**
 * A dialect type that no loaded dialect understands, such as {@code !llvm.ptr} or
 * {@code !foo.bar<"x", 3>}; it keeps its text so that it prints back unchanged.
 *
 * @param name the dotted name after {@code !}, e.g. {@code foo.bar}
 * @param params the parameter text including angle brackets, or empty
 */
public record OpaqueType(String name, String params) implements Type {
  @Override public String toString() { return "!" + name + params; }
}
