package dev.sol.codegen.llvm;

import dev.sol.dialect.arith.ConstantOp;
import dev.sol.dialect.func.FuncOp;
import dev.sol.dialect.memref.*;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Which buffer a memref value points into, through views: a function argument (arguments are
 * noalias, as {@link LlvmEmitter} declares them), an allocation, or a global by name, and
 * which bytes of it when that is known (a memref.view at a constant offset, as the memory
 * plan makes them in the arena). Two values whose roots differ, or cover disjoint bytes of
 * the same buffer, never reach the same memory.
 */
final class BufferRoots {
  private BufferRoots() {}

  /** Bytes [from, to) of {@code base} (an argument, an allocation op or a global's name). */
  record Root(Object base, long from, long to) {
    boolean overlaps(Root o) { return base.equals(o.base) && from < o.to && o.from < to; }
  }

  /**
   * The captured memrefs of {@code op} whose bytes no other memref that {@code op} reaches
   * may touch: the captured values, the other values it uses from outside, and the globals it
   * reads inside. Any memref of unknown root makes none distinct.
   */
  static Set<Value> distinct(Operation op, List<Value> captured) {
    List<Root> roots = new ArrayList<>();
    List<Value> outside = new ArrayList<>();
    boolean[] unknown = {false};
    Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    op.walkPreOrder(inner -> {
      if (inner instanceof GetGlobalOp g && inner != op) roots.add(new Root(g.globalName(), 0, Long.MAX_VALUE));
      for (Value v : inner.operands()) {
        if (!(v.type() instanceof MemRefType) || KernelOutliner.isInside(v, op) || !seen.add(v)) continue;
        Root r = root(v);
        if (r == null) unknown[0] = true;
        outside.add(v);
        roots.add(r);
      }
    });
    Set<Value> out = Collections.newSetFromMap(new IdentityHashMap<>());
    if (unknown[0]) return out;
    for (Value v : captured) {
      if (!(v.type() instanceof MemRefType) || !outside.contains(v)) continue;
      Root r = root(v);
      if (roots.stream().filter(r::overlaps).count() == 1) out.add(v);
    }
    return out;
  }

  /** The buffer and bytes that {@code v} views; null when its buffer is none of those known. */
  static Root root(Value v) {
    long from = 0;
    long to = Long.MAX_VALUE;
    while (true) {
      switch (v.definingOp()) {
        case null -> {
          return v instanceof BlockArgument a && a.owner().parentOp() instanceof FuncOp ? new Root(a, from, to) : null;
        }
        case ViewOp w -> {
          // The whole view, a superset of what narrower views of it reach.
          boolean known = w.byteShift().definingOp() instanceof ConstantOp c && c.value() instanceof IntegerAttr
              && ((MemRefType) w.result().type()).hasStaticShape();
          MemRefType t = (MemRefType) w.result().type();
          from = known ? ((IntegerAttr) ((ConstantOp) w.byteShift().definingOp()).value()).value() : 0;
          to = known ? from + t.numElements() * DenseElementsAttr.elementBytes(t.element()) : Long.MAX_VALUE;
          v = w.source();
        }
        case SubViewOp x -> v = x.source();
        case CastOp c -> v = c.source();
        case ReshapeOp r -> v = r.source();
        case CollapseShapeOp c -> v = c.src();
        case ExpandShapeOp x -> v = x.src();
        case AllocOp a -> { return new Root(a, from, to); }
        case AllocaOp a -> { return new Root(a, from, to); }
        case GetGlobalOp g -> { return new Root(g.globalName(), from, to); }
        default -> { return null; }
      }
    }
  }
}
