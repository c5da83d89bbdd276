package dev.sol.textir;

import dev.sol.ir.*;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints IR in MLIR's generic form, byte-for-byte as {@code mlir-opt-16
 * --mlir-print-op-generic} does: value and block numbering, aliases for affine maps and
 * (with debug info) locations, predecessor comments on block labels.
 */
public final class AsmPrinter {
  private static final int FLUSH_AT = 1 << 16;

  private final boolean debugInfo;
  private final Writer out;
  private final StringBuilder sb = new StringBuilder(FLUSH_AT + 1024);
  private final Map<Value, String> valueNames = new IdentityHashMap<>();
  private final Map<Block, Integer> blockIds = new IdentityHashMap<>();
  private AliasTable aliases;

  private AsmPrinter(Writer out, boolean debugInfo) {
    this.out = out;
    this.debugInfo = debugInfo;
  }

  /** Prints {@code op} with its alias definitions, followed by a newline. */
  public static void print(Operation op, Writer out, boolean debugInfo) {
    AsmPrinter p = new AsmPrinter(out, debugInfo);
    p.aliases = new AliasTable(op, debugInfo);
    p.numberValues(op);
    for (Attribute a : p.aliases.definitions(false)) p.printAliasDefinition(a);
    p.printOp(op, 0);
    p.sb.append('\n');
    for (Attribute a : p.aliases.definitions(true)) p.printAliasDefinition(a);
    p.flush(true);
  }

  public static String toString(Operation op, boolean debugInfo) {
    var w = new java.io.StringWriter();
    print(op, w, debugInfo);
    return w.toString();
  }

  private void flush(boolean force) {
    if (!force && sb.length() < FLUSH_AT) return;
    try {
      out.append(sb);
      if (force) out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    sb.setLength(0);
  }

  // ---- numbering, following MLIR's SSANameState

  private record Pending(Region region, int nextValue, int nextArgument) {}

  private int nextValue;
  private int nextArgument;

  private void numberValues(Operation root) {
    Deque<Pending> work = new ArrayDeque<>();
    for (Region r : root.regions()) work.push(new Pending(r, nextValue, nextArgument));
    numberOp(root);
    while (!work.isEmpty()) {
      Pending p = work.pop();
      nextValue = p.nextValue;
      nextArgument = p.nextArgument;
      int blockId = 0;
      for (Block b : p.region.blocks()) {
        blockIds.put(b, blockId++);
        for (BlockArgument a : b.arguments()) {
          valueNames.put(a, b.isEntryBlock() ? "%arg" + nextArgument++ : "%" + nextValue++);
        }
        for (Operation op : b) numberOp(op);
      }
      List<Pending> nested = new ArrayList<>();
      for (Block b : p.region.blocks()) {
        for (Operation op : b) for (Region r : op.regions()) nested.add(new Pending(r, nextValue, nextArgument));
      }
      for (Pending n : nested) work.push(n);
    }
  }

  private void numberOp(Operation op) {
    if (op.numResults() == 0) return;
    String base = "%" + nextValue++;
    if (op.numResults() == 1) {
      valueNames.put(op.result(0), base);
      return;
    }
    for (int i = 0; i < op.numResults(); i++) valueNames.put(op.result(i), base + "#" + i);
  }

  private String name(Value v) {
    String n = valueNames.get(v);
    return n != null ? n : "<<UNKNOWN SSA VALUE>>";
  }

  private String blockName(Block b) {
    Integer id = blockIds.get(b);
    return id == null ? "^INVALIDBLOCK" : "^bb" + id;
  }

  // ---- operations

  private void indent(int n) {
    for (int i = 0; i < n; i++) sb.append(' ');
  }

  private void printOp(Operation op, int indent) {
    indent(indent);
    if (op.numResults() > 0) {
      String first = valueNames.get(op.result(0));
      if (op.numResults() > 1) sb.append(first, 0, first.length() - 2).append(':').append(op.numResults());
      else sb.append(first);
      sb.append(" = ");
    }
    sb.append(StringAttr.quote(op.name())).append('(');
    for (int i = 0; i < op.numOperands(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(name(op.operand(i)));
    }
    sb.append(')');
    if (op.numSuccessors() > 0) {
      sb.append('[');
      for (int i = 0; i < op.numSuccessors(); i++) {
        if (i > 0) sb.append(", ");
        sb.append(blockName(op.successor(i)));
      }
      sb.append(']');
    }
    if (op.numRegions() > 0) {
      sb.append(" (");
      for (int i = 0; i < op.numRegions(); i++) {
        if (i > 0) sb.append(", ");
        printRegion(op.region(i), indent);
      }
      sb.append(')');
    }
    if (!op.attributes().isEmpty()) {
      sb.append(' ');
      printAttr(op.attributes());
    }
    sb.append(" : (");
    for (int i = 0; i < op.numOperands(); i++) {
      if (i > 0) sb.append(", ");
      printType(op.operand(i).type());
    }
    sb.append(") -> ");
    printResults(op.resultTypes());
    if (debugInfo) {
      sb.append(' ');
      printLocation(op.location(), true);
    }
    flush(false);
  }

  private void printResults(List<Type> results) {
    if (results.size() == 1 && !(results.getFirst() instanceof FunctionType)) {
      printType(results.getFirst());
      return;
    }
    sb.append('(');
    for (int i = 0; i < results.size(); i++) {
      if (i > 0) sb.append(", ");
      printType(results.get(i));
    }
    sb.append(')');
  }

  private void printRegion(Region region, int indent) {
    sb.append("{\n");
    boolean first = true;
    for (Block b : region.blocks()) {
      boolean label = !first || b.isEmpty() || b.numArguments() > 0;
      if (label) printBlockLabel(b, indent);
      for (Operation op : b) {
        printOp(op, indent + 2);
        sb.append('\n');
      }
      first = false;
    }
    indent(indent);
    sb.append('}');
  }

  private void printBlockLabel(Block b, int indent) {
    indent(indent);
    sb.append(blockName(b));
    if (b.numArguments() > 0) {
      sb.append('(');
      for (int i = 0; i < b.numArguments(); i++) {
        if (i > 0) sb.append(", ");
        BlockArgument a = b.argument(i);
        sb.append(name(a)).append(": ");
        printType(a.type());
        if (debugInfo) {
          sb.append(' ');
          printLocation(a.location(), false);
        }
      }
      sb.append(')');
    }
    sb.append(':');
    List<Block> preds = predecessors(b);
    if (preds.isEmpty()) {
      if (!b.isEntryBlock()) sb.append("  // no predecessors");
    } else if (preds.size() == 1) {
      sb.append("  // pred: ").append(blockName(preds.getFirst()));
    } else {
      preds.sort((x, y) -> Integer.compare(blockIds.getOrDefault(x, -1), blockIds.getOrDefault(y, -1)));
      sb.append("  // ").append(preds.size()).append(" preds: ");
      for (int i = 0; i < preds.size(); i++) {
        if (i > 0) sb.append(", ");
        sb.append(blockName(preds.get(i)));
      }
    }
    sb.append('\n');
  }

  /** One entry per branch edge into {@code b}. */
  private static List<Block> predecessors(Block b) {
    List<Block> preds = new ArrayList<>();
    if (b.parent() == null) return preds;
    for (Block p : b.parent().blocks()) {
      Operation t = p.back();
      if (t == null) continue;
      for (Block s : t.successors()) if (s == b) preds.add(p);
    }
    return preds;
  }

  // ---- aliases, attributes and types

  private void printAliasDefinition(Attribute a) {
    sb.append('#').append(aliases.alias(a)).append(" = ");
    if (a instanceof Location l) {
      sb.append("loc(");
      printLocationBody(l, true);
      sb.append(')');
    } else {
      sb.append(a);
    }
    sb.append('\n');
  }

  private void printLocation(Location l, boolean allowAlias) {
    sb.append("loc(");
    String alias = allowAlias ? aliases.alias(l) : null;
    if (alias != null) sb.append('#').append(alias);
    else printLocationBody(l, allowAlias);
    sb.append(')');
  }

  /** The text inside {@code loc(...)}; nested locations use aliases when allowed. */
  private void printLocationBody(Location l, boolean allowAlias) {
    switch (l) {
      case NameLoc n -> {
        sb.append(StringAttr.quote(n.name()));
        if (!(n.child() instanceof UnknownLoc)) {
          sb.append('(');
          printNestedLocation(n.child(), allowAlias);
          sb.append(')');
        }
      }
      case CallSiteLoc c -> {
        sb.append("callsite(");
        printNestedLocation(c.callee(), allowAlias);
        sb.append(" at ");
        printNestedLocation(c.caller(), allowAlias);
        sb.append(')');
      }
      case FusedLoc f -> {
        sb.append("fused");
        if (f.metadata() != null) {
          sb.append('<');
          printAttr(f.metadata());
          sb.append('>');
        }
        sb.append('[');
        for (int i = 0; i < f.locations().size(); i++) {
          if (i > 0) sb.append(", ");
          printNestedLocation(f.locations().get(i), allowAlias);
        }
        sb.append(']');
      }
      default -> sb.append(l.body());
    }
  }

  private void printNestedLocation(Location l, boolean allowAlias) {
    String alias = allowAlias ? aliases.alias(l) : null;
    if (alias != null) sb.append('#').append(alias);
    else printLocationBody(l, allowAlias);
  }

  /** Inside arrays MLIR elides the default types i64 and f64. */
  private void printArrayElement(Attribute a) {
    String elided = ArrayAttr.elidedText(a);
    if (elided != null) sb.append(elided);
    else printAttr(a);
  }

  private void printAttr(Attribute a) {
    String alias = a instanceof Location ? null : aliases.alias(a);
    if (alias != null) {
      sb.append('#').append(alias);
      return;
    }
    switch (a) {
      case ArrayAttr arr -> {
        sb.append('[');
        for (int i = 0; i < arr.size(); i++) {
          if (i > 0) sb.append(", ");
          printArrayElement(arr.get(i));
        }
        sb.append(']');
      }
      case DictionaryAttr d -> {
        sb.append('{');
        for (int i = 0; i < d.entries().size(); i++) {
          if (i > 0) sb.append(", ");
          NamedAttribute e = d.entries().get(i);
          sb.append(Identifiers.isBareId(e.name()) ? e.name() : StringAttr.quote(e.name()));
          if (!(e.value() instanceof UnitAttr)) {
            sb.append(" = ");
            printAttr(e.value());
          }
        }
        sb.append('}');
      }
      case TypeAttr t -> printType(t.type());
      case Location l -> printLocation(l, true);
      case DenseElementsAttr d -> {
        sb.append("dense<");
        d.appendBody(sb);
        sb.append("> : ");
        printType(d.type());
      }
      default -> sb.append(a);
    }
  }

  /** An i64 memory space prints without its type, as in MLIR. */
  private void printMemorySpace(Attribute space) {
    if (space instanceof IntegerAttr i && i.type().equals(IntegerType.I64)) sb.append(i.value());
    else printAttr(space);
  }

  private void printType(Type t) {
    switch (t) {
      case MemRefType m -> {
        sb.append("memref<").append(ShapedType.dims(m.shape()));
        printType(m.element());
        if (m.layout() != null) {
          sb.append(", ");
          printAttr(m.layout());
        }
        if (m.memorySpace() != null) {
          sb.append(", ");
          printMemorySpace(m.memorySpace());
        }
        sb.append('>');
      }
      case UnrankedMemRefType u -> {
        sb.append("memref<*x");
        printType(u.element());
        if (u.memorySpace() != null) {
          sb.append(", ");
          printMemorySpace(u.memorySpace());
        }
        sb.append('>');
      }
      case FunctionType f -> {
        sb.append('(');
        for (int i = 0; i < f.inputs().size(); i++) {
          if (i > 0) sb.append(", ");
          printType(f.inputs().get(i));
        }
        sb.append(") -> ");
        printResults(f.results());
      }
      case TupleType tt -> {
        sb.append("tuple<");
        for (int i = 0; i < tt.types().size(); i++) {
          if (i > 0) sb.append(", ");
          printType(tt.types().get(i));
        }
        sb.append('>');
      }
      case RankedTensorType r -> {
        sb.append("tensor<").append(ShapedType.dims(r.shape()));
        printType(r.element());
        if (r.encoding() != null) {
          sb.append(", ");
          printAttr(r.encoding());
        }
        sb.append('>');
      }
      case ComplexType c -> {
        sb.append("complex<");
        printType(c.element());
        sb.append('>');
      }
      default -> sb.append(t);
    }
  }
}
