package dev.sol.pass.transforms;

import dev.sol.ir.*;
import dev.sol.ir.traits.Symbol;
import dev.sol.ir.traits.SymbolTable;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Erases private (and nested) symbols that nothing live references, as MLIR's symbol-dce:
 * public symbols and all non-symbol operations are live; a symbol referenced by
 * something live is live.
 */
@PassInfo(name = "symbol-dce", summary = "Erase dead private symbols")
public final class SymbolDcePass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  @Override public boolean run(Operation op, NoOptions options, PassState state) {
    if (!(op instanceof SymbolTable)) {
      return state.context().diagnostics().report(op.opError("symbol-dce must run on a symbol table (builtin.module)"));
    }
    int[] erased = {0};
    sweep(op, erased);
    state.statistic("num-dce'd", "Number of symbols DCE'd").add(erased[0]);
    return true;
  }

  private static boolean isPrivate(Operation symbol) {
    return symbol.attribute("sym_visibility") instanceof StringAttr v && !v.value().equals("public");
  }

  private static void sweep(Operation table, int[] erased) {
    if (table.numRegions() == 0 || table.region(0).isEmpty()) return;
    Block body = table.region(0).entryBlock();
    Set<Operation> live = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Operation> work = new ArrayDeque<>();
    for (Operation o : body) {
      if (!(o instanceof Symbol) || Symbols.nameOf(o) == null || !isPrivate(o)) {
        live.add(o);
        work.add(o);
      }
    }
    while (!work.isEmpty()) {
      Operation o = work.poll();
      o.walkPreOrder(inner -> {
        for (NamedAttribute a : inner.attributes().entries()) {
          collectReferences(a.value(), name -> {
            Operation target = Symbols.lookupIn(table, name);
            if (target != null && live.add(target)) work.add(target);
          });
        }
      });
    }
    List<Operation> dead = new ArrayList<>();
    for (Operation o : body) if (!live.contains(o)) dead.add(o);
    for (Operation o : dead) {
      o.erase();
      erased[0]++;
    }
    for (Operation o : body) if (o instanceof SymbolTable) sweep(o, erased);
  }

  private static void collectReferences(Attribute a, java.util.function.Consumer<String> out) {
    switch (a) {
      case SymbolRefAttr s -> out.accept(s.root());
      case ArrayAttr arr -> arr.elements().forEach(e -> collectReferences(e, out));
      case DictionaryAttr d -> d.entries().forEach(e -> collectReferences(e.value(), out));
      default -> { }
    }
  }
}
