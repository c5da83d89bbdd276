package dev.sol.textir;

import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses {@code #map}, {@code #loc3} aliases the way mlir-opt 16 does: attributes are
 * visited in printing order (an op's location, its regions, its types, then its
 * attributes), nested elements after their parent; the list is stably sorted by nesting
 * depth (nested aliases first) and then by prefix, then numbered per prefix. Locations of operations may be
 * printed after the IR (deferred); block-argument locations may not.
 */
final class AliasTable {
  private static final class Entry {
    final Attribute value;
    final String prefix;
    int depth;
    boolean deferrable;
    String name;

    Entry(Attribute value, String prefix, boolean deferrable) {
      this.value = value;
      this.prefix = prefix;
      this.deferrable = deferrable;
    }
  }

  private final Map<Attribute, Entry> entries = new LinkedHashMap<>();
  private final boolean debugInfo;
  private List<Entry> sorted;

  AliasTable(Operation root, boolean debugInfo) {
    this.debugInfo = debugInfo;
    visitOp(root);
    sorted = new ArrayList<>(entries.values());
    sorted.sort(java.util.Comparator.<Entry>comparingInt(e -> e.depth).thenComparing(e -> e.prefix));
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Entry e : sorted) {
      int n = counts.merge(e.prefix, 1, Integer::sum) - 1;
      e.name = e.prefix + (n == 0 ? "" : Integer.toString(n));
    }
  }

  /** The alias of an attribute, without {@code #}, or null. */
  String alias(Attribute a) {
    Entry e = entries.get(a);
    return e == null ? null : e.name;
  }

  /** Aliases printed before the IR (deferred false) or after it (deferred true), in order. */
  List<Attribute> definitions(boolean deferred) {
    List<Attribute> list = new ArrayList<>();
    for (Entry e : sorted) if (e.deferrable == deferred) list.add(e.value);
    return list;
  }

  private void visitOp(Operation op) {
    if (debugInfo) visitAttr(op.location(), true);
    for (Region r : op.regions()) {
      for (Block b : r.blocks()) {
        for (BlockArgument a : b.arguments()) {
          visitType(a.type());
          if (debugInfo) visitAttr(a.location(), false);
        }
        for (Operation inner : b) visitOp(inner);
      }
    }
    for (Type t : op.operandTypes()) visitType(t);
    for (Type t : op.resultTypes()) visitType(t);
    for (NamedAttribute a : op.attributes().entries()) visitAttr(a.value(), false);
  }

  /** Visits an attribute; returns its alias depth (0 when it has no alias and no aliased parts). */
  private int visitAttr(Attribute a, boolean deferrable) {
    String prefix = a instanceof AffineMapAttr ? "map" : a instanceof Location ? "loc" : null;
    if (prefix != null) {
      Entry existing = entries.get(a);
      if (existing != null) {
        if (!deferrable) markNonDeferrable(existing);
        return existing.depth;
      }
      Entry e = new Entry(a, prefix, deferrable);
      entries.put(a, e);
      e.depth = 1 + visitChildren(a, deferrable);
      return e.depth;
    }
    return visitChildren(a, deferrable);
  }

  private void markNonDeferrable(Entry e) {
    e.deferrable = false;
    if (e.value instanceof Location l) {
      for (Location child : children(l)) {
        Entry c = entries.get(child);
        if (c != null && c.deferrable) markNonDeferrable(c);
      }
    }
  }

  private static List<Location> children(Location l) {
    return switch (l) {
      case NameLoc n -> n.child() instanceof UnknownLoc ? List.of() : List.of(n.child());
      case CallSiteLoc c -> List.of(c.callee(), c.caller());
      case FusedLoc f -> f.locations();
      default -> List.of();
    };
  }

  private int visitChildren(Attribute a, boolean deferrable) {
    int depth = 0;
    switch (a) {
      case Location l -> {
        for (Location c : children(l)) depth = Math.max(depth, visitAttr(c, deferrable));
        if (l instanceof FusedLoc f && f.metadata() != null) depth = Math.max(depth, visitAttr(f.metadata(), deferrable));
      }
      case ArrayAttr arr -> {
        for (Attribute e : arr.elements()) depth = Math.max(depth, visitAttr(e, deferrable));
      }
      case DictionaryAttr d -> {
        for (NamedAttribute e : d.entries()) depth = Math.max(depth, visitAttr(e.value(), deferrable));
      }
      case TypeAttr t -> depth = visitType(t.type());
      case DenseElementsAttr d -> depth = visitType(d.type());
      default -> { }
    }
    return depth;
  }

  private int visitType(Type t) {
    return switch (t) {
      case MemRefType m -> {
        int d = visitType(m.element());
        if (m.layout() != null) d = Math.max(d, visitAttr(m.layout(), false));
        if (m.memorySpace() != null) d = Math.max(d, visitAttr(m.memorySpace(), false));
        yield d;
      }
      case FunctionType f -> {
        int d = 0;
        for (Type x : f.inputs()) d = Math.max(d, visitType(x));
        for (Type x : f.results()) d = Math.max(d, visitType(x));
        yield d;
      }
      case TupleType tt -> {
        int d = 0;
        for (Type x : tt.types()) d = Math.max(d, visitType(x));
        yield d;
      }
      case RankedTensorType r -> {
        int d = visitType(r.element());
        if (r.encoding() != null) d = Math.max(d, visitAttr(r.encoding(), false));
        yield d;
      }
      case UnrankedTensorType u -> visitType(u.element());
      case VectorType v -> visitType(v.element());
      case ComplexType c -> visitType(c.element());
      default -> 0;
    };
  }
}
