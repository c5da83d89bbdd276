package dev.sol.dialect.vector;

import dev.sol.ir.Attribute;
import dev.sol.ir.OpaqueAttr;

/** The combining kinds of vector reductions, {@code #vector.kind<add>} and so on, as MLIR 16 names them. */
public enum CombiningKind {
  ADD, MUL, MINUI, MINSI, MINF, MAXUI, MAXSI, MAXF, AND, OR, XOR;

  /** The kind a {@code #vector.kind<...>} attribute names; throws for anything else. */
  public static CombiningKind of(Attribute kind) {
    if (kind instanceof OpaqueAttr o && o.name().equals("vector.kind")) {
      String name = o.params().replaceAll("[<> ]", "");
      for (CombiningKind k : values()) if (k.mnemonic().equals(name)) return k;
    }
    throw new IllegalArgumentException("no vector combining kind " + kind);
  }

  /** The name in {@code #vector.kind<...>}. */
  public String mnemonic() { return name().toLowerCase(java.util.Locale.ROOT); }
}
