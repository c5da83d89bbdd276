package dev.sol.ir;

import java.util.List;

/** {@code tuple<i32, f32>}. */
public record TupleType(List<Type> types) implements Type {
  public TupleType {
    types = List.copyOf(types);
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("tuple<");
    TypeLists.join(sb, types);
    return sb.append('>').toString();
  }
}
