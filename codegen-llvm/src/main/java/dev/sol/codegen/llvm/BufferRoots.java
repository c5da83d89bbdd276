package dev.sol.codegen.llvm;

import dev.sol.dialect.func.FuncOp;
import dev.sol.dialect.memref.*;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which buffer a memref value points into, through views: a function argument (arguments are
 * noalias, as {@link LlvmEmitter} declares them), an allocation, or a global by name. Two
 * values with different roots never reach the same memory.
 */
final class BufferRoots {
  private BufferRoots() {}

  /**
   * The captured memrefs of {@code op} whose root no other memref that {@code op} reaches
   * shares: the captured values, the other values it uses from outside, and the globals it
   * reads inside. Any memref of unknown root makes none distinct.
   */
  static Set<Value> distinct(Operation op, List<Value> captured) {
    List<Object> roots = new ArrayList<>();
    List<Value> outside = new ArrayList<>();
    boolean[] unknown = {false};
    Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    op.walkPreOrder(inner -> {
      if (inner instanceof GetGlobalOp g && inner != op) roots.add(g.globalName());
      for (Value v : inner.operands()) {
        if (!(v.type() instanceof MemRefType) || OpenMpEmitter.isInside(v, op) || !seen.add(v)) continue;
        Object r = root(v);
        if (r == null) unknown[0] = true;
        outside.add(v);
        roots.add(r);
      }
    });
    Set<Value> out = Collections.newSetFromMap(new IdentityHashMap<>());
    if (unknown[0]) return out;
    for (Value v : captured) {
      if (!(v.type() instanceof MemRefType)) continue;
      Object r = root(v);
      long sharing = roots.stream().filter(x -> Objects.equals(x, r)).count();
      if (sharing == 1 && outside.contains(v)) out.add(v);
    }
    return out;
  }

  /** The argument, allocation op or global name that {@code v} views; null when it is none of those. */
  static Object root(Value v) {
    while (true) {
      switch (v.definingOp()) {
        case null -> {
          return v instanceof BlockArgument a && a.owner().parentOp() instanceof FuncOp ? a : null;
        }
        case SubViewOp s -> v = s.source();
        case CastOp c -> v = c.source();
        case ReshapeOp r -> v = r.source();
        case CollapseShapeOp c -> v = c.src();
        case ExpandShapeOp x -> v = x.src();
        case AllocOp a -> { return a; }
        case AllocaOp a -> { return a; }
        case GetGlobalOp g -> { return g.globalName(); }
        default -> { return null; }
      }
    }
  }
}
