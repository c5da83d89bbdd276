package dev.sol.pass.transforms;

import dev.sol.ir.*;
import dev.sol.ir.MemoryEffects.Effect;
import dev.sol.ir.traits.IsTerminator;
import dev.sol.ir.traits.IsolatedFromAbove;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Common subexpression elimination, as MLIR's: an operation without memory effects (or
 * only reading, with no write in between in the same block) that repeats a dominating
 * equivalent one is replaced by it; known values are scoped along the dominator tree,
 * and isolated regions start afresh. Operations with regions are not merged.
 */
@PassInfo(name = "cse", summary = "Eliminate common sub-expressions")
public final class CsePass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  private record Key(String name, DictionaryAttr attributes, List<Type> resultTypes, List<Value> operands) {
    static Key of(Operation op) { return new Key(op.name(), op.attributes(), op.resultTypes(), op.operands()); }

    @Override public boolean equals(Object o) {
      if (!(o instanceof Key k) || !name.equals(k.name) || !attributes.equals(k.attributes)
          || !resultTypes.equals(k.resultTypes) || operands.size() != k.operands.size()) {
        return false;
      }
      for (int i = 0; i < operands.size(); i++) if (operands.get(i) != k.operands.get(i)) return false;
      return true;
    }

    @Override public int hashCode() {
      int h = name.hashCode() * 31 + attributes.hashCode();
      for (Value v : operands) h = h * 31 + System.identityHashCode(v);
      return h;
    }
  }

  /** A scoped table: lookups see enclosing scopes; insertions go to the innermost. */
  private static final class Scope {
    final Scope parent;
    final Map<Key, Operation> known = new HashMap<>();

    Scope(Scope parent) { this.parent = parent; }

    Operation lookup(Key k) {
      for (Scope s = this; s != null; s = s.parent) {
        Operation o = s.known.get(k);
        if (o != null) return o;
      }
      return null;
    }
  }

  private int numCse;
  private int numDce;
  private final List<Operation> toErase = new ArrayList<>();

  @Override public boolean run(Operation op, NoOptions options, PassState state) {
    CsePass worker = new CsePass();
    for (Region r : op.regions()) worker.simplifyRegion(new Scope(null), r);
    for (Operation dead : worker.toErase) dead.erase();
    state.statistic("num-cse'd", "Number of operations CSE'd").add(worker.numCse);
    state.statistic("num-dce'd", "Number of operations DCE'd").add(worker.numDce);
    return true;
  }

  private void simplifyRegion(Scope outer, Region region) {
    if (region.isEmpty()) return;
    if (region.blocks().size() == 1) {
      simplifyBlock(new Scope(outer), region.entryBlock());
      return;
    }
    Map<Block, List<Block>> children = dominatorChildren(region);
    walkDominatorTree(outer, region.entryBlock(), children);
  }

  private void walkDominatorTree(Scope outer, Block block, Map<Block, List<Block>> children) {
    Scope scope = new Scope(outer);
    simplifyBlock(scope, block);
    for (Block child : children.getOrDefault(block, List.of())) walkDominatorTree(scope, child, children);
  }

  private static Map<Block, List<Block>> dominatorChildren(Region region) {
    DominanceInfo dom = new DominanceInfo();
    Map<Block, List<Block>> children = new IdentityHashMap<>();
    List<Block> blocks = region.blocks();
    for (Block b : blocks) {
      if (b == region.entryBlock()) continue;
      Block idom = null;
      for (Block candidate : blocks) {
        if (candidate == b || !dom.dominates(candidate, b)) continue;
        if (idom == null || dom.dominates(idom, candidate)) idom = candidate;
      }
      if (idom != null) children.computeIfAbsent(idom, k -> new ArrayList<>()).add(b);
    }
    return children;
  }

  private void simplifyBlock(Scope scope, Block block) {
    for (Operation op : block.operations()) {
      if (op.numRegions() > 0) {
        Scope nested = op instanceof IsolatedFromAbove ? new Scope(null) : scope;
        for (Region r : op.regions()) simplifyRegion(nested, r);
      }
      simplifyOperation(scope, op);
    }
  }

  private void simplifyOperation(Scope scope, Operation op) {
    if (op instanceof IsTerminator) return;
    if (SideEffects.isTriviallyDead(op)) {
      toErase.add(op);
      numDce++;
      return;
    }
    if (op.numRegions() != 0) return;
    Key key = Key.of(op);
    Set<Effect> effects = SideEffects.effectsOf(op);
    if (!effects.isEmpty()) {
      if (!effects.equals(Set.of(Effect.READ))) return;
      Operation existing = scope.lookup(key);
      if (existing != null && existing.parentBlock() == op.parentBlock() && !writesBetween(existing, op)) {
        replace(op, existing);
        return;
      }
      scope.known.put(key, op);
      return;
    }
    Operation existing = scope.lookup(key);
    if (existing != null) {
      replace(op, existing);
      return;
    }
    scope.known.put(key, op);
  }

  private static boolean writesBetween(Operation from, Operation to) {
    for (Operation o = from.nextInBlock(); o != null && o != to; o = o.nextInBlock()) {
      Set<Effect> e = SideEffects.effectsOf(o);
      if (e.contains(Effect.WRITE) || e.contains(Effect.FREE)) return true;
    }
    return false;
  }

  private void replace(Operation op, Operation existing) {
    for (int i = 0; i < op.numResults(); i++) op.result(i).replaceAllUsesWith(existing.result(i));
    toErase.add(op);
    numCse++;
  }
}
