package dev.sol.ir;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A hash of everything that makes up a piece of IR (names, attributes, types, operand
 * wiring, block structure), to tell whether something changed without printing it.
 */
public final class IRFingerprint {
  private final Map<Object, Integer> ids = new IdentityHashMap<>();
  private long hash = 17;

  private IRFingerprint() {}

  public static long of(Operation op) {
    IRFingerprint f = new IRFingerprint();
    f.visit(op);
    return f.hash;
  }

  private int id(Object o) { return ids.computeIfAbsent(o, k -> ids.size()); }

  private void mix(long v) { hash = hash * 1_000_003L + v; }

  private void visit(Operation op) {
    mix(op.name().hashCode());
    mix(op.attributes().hashCode());
    mix(op.location().hashCode());
    for (Value v : op.operands()) mix(id(v));
    for (OpResult r : op.results()) {
      mix(id(r));
      mix(r.type().hashCode());
    }
    for (Block s : op.successors()) mix(id(s));
    for (Region r : op.regions()) {
      mix(-1);
      for (Block b : r.blocks()) {
        mix(id(b));
        for (BlockArgument a : b.arguments()) {
          mix(id(a));
          mix(a.type().hashCode());
        }
        for (Operation inner : b) visit(inner);
      }
    }
  }
}
