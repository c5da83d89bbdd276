package dev.sol.ir;

import dev.sol.ir.traits.SymbolTable;

/** Symbol lookup through the nearest enclosing symbol table, as MLIR's SymbolTable. */
public final class Symbols {
  private Symbols() {}

  public static String nameOf(Operation op) {
    return op.attribute("sym_name") instanceof StringAttr s ? s.value() : null;
  }

  /** The closest ancestor of {@code from} (excluding it) that is a symbol table. */
  public static Operation nearestTable(Operation from) {
    for (Operation p = from.parentOp(); p != null; p = p.parentOp()) if (p instanceof SymbolTable) return p;
    return null;
  }

  /** Finds the symbol {@code name} in the table nearest to {@code from}, or null. */
  public static Operation lookup(Operation from, SymbolRefAttr ref) {
    Operation table = nearestTable(from);
    if (table == null) return null;
    Operation found = lookupIn(table, ref.root());
    for (String nested : ref.nested()) {
      if (found == null) return null;
      found = lookupIn(found, nested);
    }
    return found;
  }

  public static Operation lookupIn(Operation table, String name) {
    if (table.numRegions() == 0 || table.region(0).isEmpty()) return null;
    for (Operation op : table.region(0).entryBlock()) if (name.equals(nameOf(op))) return op;
    return null;
  }
}
