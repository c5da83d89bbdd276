package dev.sol.ir;

import dev.sol.ir.MemoryEffects.Effect;
import dev.sol.ir.traits.Pure;
import dev.sol.ir.traits.RecursivelyPure;
import java.util.EnumSet;
import java.util.Set;

/** Queries about what operations do to memory, used by DCE, CSE and code motion. */
public final class SideEffects {
  private SideEffects() {}

  /** The effects of {@code op} including nested operations; every effect when unknown. */
  public static Set<Effect> effectsOf(Operation op) {
    if (op instanceof Pure) return EnumSet.noneOf(Effect.class);
    if (op instanceof MemoryEffects m) return m.effects();
    if (op instanceof RecursivelyPure) {
      Set<Effect> all = EnumSet.noneOf(Effect.class);
      for (Region r : op.regions()) for (Block b : r.blocks()) for (Operation inner : b) all.addAll(effectsOf(inner));
      return all;
    }
    return EnumSet.allOf(Effect.class);
  }

  public static boolean isMemoryEffectFree(Operation op) { return effectsOf(op).isEmpty(); }

  /**
   * True when {@code op} can be erased because nothing observes it: no result is used and
   * it only allocates (or has no effects), as MLIR's isOpTriviallyDead. Terminators and
   * symbols are kept.
   */
  public static boolean isTriviallyDead(Operation op) {
    for (OpResult r : op.results()) if (!r.hasNoUses()) return false;
    if (op instanceof dev.sol.ir.traits.IsTerminator || op instanceof dev.sol.ir.traits.Symbol) return false;
    Set<Effect> effects = effectsOf(op);
    effects.remove(Effect.ALLOCATE);
    return effects.isEmpty();
  }

  /** Whether {@code op} may run where it would not have run (no traps such as division by zero). */
  public static boolean isSpeculatable(Operation op) {
    if (op instanceof ConditionallySpeculatable c) return c.isSpeculatable();
    if (op instanceof RecursivelyPure) {
      for (Region r : op.regions()) for (Block b : r.blocks()) for (Operation inner : b) if (!isSpeculatable(inner)) return false;
    }
    return true;
  }
}
