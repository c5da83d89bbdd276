package dev.sol.ir;

import java.util.List;

/** {@code [1 : i64, "a"]}. */
public record ArrayAttr(List<Attribute> elements) implements Attribute {
  public ArrayAttr {
    elements = List.copyOf(elements);
  }

  public int size() { return elements.size(); }
  public Attribute get(int i) { return elements.get(i); }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(elements.get(i));
    }
    return sb.append(']').toString();
  }
}
