package dev.sol.ir;

import java.util.List;

/** {@code @func} or {@code @module::@func}. */
public record SymbolRefAttr(String root, List<String> nested) implements Attribute {
  public SymbolRefAttr {
    nested = List.copyOf(nested);
  }

  public SymbolRefAttr(String root) { this(root, List.of()); }

  public boolean isFlat() { return nested.isEmpty(); }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder(Identifiers.symbol(root));
    for (String n : nested) sb.append("::").append(Identifiers.symbol(n));
    return sb.toString();
  }
}
