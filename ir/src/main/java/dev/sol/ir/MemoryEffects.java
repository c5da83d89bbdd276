package dev.sol.ir;

import java.util.Set;

/**
 * An operation that says which memory effects it has; operations that are neither
 * {@link dev.sol.ir.traits.Pure} nor this are assumed to have every effect.
 */
public interface MemoryEffects {
  enum Effect { READ, WRITE, ALLOCATE, FREE }

  Set<Effect> effects();
}
