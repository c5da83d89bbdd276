package dev.sol.ir;

/** Lexical rules of MLIR identifiers, shared by printers. */
public final class Identifiers {
  private Identifiers() {}

  /** True for {@code bare-id ::= (letter|[_]) (letter|digit|[_$.])*}. */
  public static boolean isBareId(String s) {
    if (s.isEmpty()) return false;
    char c0 = s.charAt(0);
    if (!(Character.isLetter(c0) && c0 < 128) && c0 != '_') return false;
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c < 128 && Character.isLetterOrDigit(c)) || c == '_' || c == '$' || c == '.')) return false;
    }
    return true;
  }

  /** Prints a symbol name after {@code @}: bare when possible, else quoted. */
  public static String symbol(String name) {
    return "@" + (isBareId(name) ? name : StringAttr.quote(name));
  }
}
