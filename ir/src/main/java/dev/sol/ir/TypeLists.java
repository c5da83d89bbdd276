package dev.sol.ir;

import java.util.List;

/** Printing of comma-separated type lists. */
final class TypeLists {
  private TypeLists() {}

  static void join(StringBuilder sb, List<? extends Type> types) {
    for (int i = 0; i < types.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(types.get(i));
    }
  }
}
