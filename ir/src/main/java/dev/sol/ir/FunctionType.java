package dev.sol.ir;

import java.util.List;

/** {@code (i32, f32) -> (f32)}. */
public record FunctionType(List<Type> inputs, List<Type> results) implements Type {
  public FunctionType {
    inputs = List.copyOf(inputs);
    results = List.copyOf(results);
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("(");
    TypeLists.join(sb, inputs);
    sb.append(") -> ");
    if (results.size() == 1 && !(results.getFirst() instanceof FunctionType)) {
      sb.append(results.getFirst());
    } else {
      sb.append('(');
      TypeLists.join(sb, results);
      sb.append(')');
    }
    return sb.toString();
  }
}
