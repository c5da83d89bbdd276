package dev.sol.codegen.llvm;

import dev.sol.dialect.arith.ConstantOp;
import dev.sol.dialect.func.FuncOp;
import dev.sol.dialect.memref.*;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The loop nests of a function that are the same code, so that LLVM optimizes and compiles
 * one copy: a network repeats its layers (ResNet-50 runs the same bottleneck block up to six
 * times a stage, with other weights), and each lowers to the same nests reading other buffers.
 * Two nests are the same when they have the same ops, attributes and types, read the same
 * constants, use the values from outside ({@link #captures}) in the same places, and those
 * values alias alike: the same ones are {@code noalias} parameters ({@link BufferRoots}) and
 * the same pairs are disjoint views of the arena ({@link AliasScopes}), so that what the
 * shared code's metadata claims holds for every caller. Every nest calls the function of the
 * first of its kind (its representative) with its own values.
 */
final class KernelSharing {
  /**
   * Constant globals smaller than this stay in the kernels' code, where LLVM may fold loads
   * from them at constant indices (a fully unrolled loop over a few weights); larger ones are
   * parameters. Biases (64 and more channels) are parameters, or ResNet-50's repeated blocks
   * would not share: 121 kernel functions with 4 KiB here, 72 with 64 bytes, the run time the
   * same (loads at loop-dependent indices are not folded either way).
   */
  static final long INLINE_BYTES = 64;

  /** The module's small constant globals, which kernels read directly. */
  private final Set<String> inlineGlobals;
  /** Each kernel's representative. */
  private final Map<Operation, Operation> representatives = new IdentityHashMap<>();

  /** The kernels at the top level of {@code f} ({@link KernelOutliner#outlines}), each with the first kernel of {@code f} that is the same code. */
  KernelSharing(FuncOp f) {
    inlineGlobals = new HashSet<>();
    for (Operation op : f.parentOp().region(0).entryBlock()) {
      if (op instanceof GlobalOp g && g.isConstant()
          && g.type().numElements() * DenseElementsAttr.elementBytes(g.type().element()) < INLINE_BYTES) {
        inlineGlobals.add(g.symName());
      }
    }
    Map<List<Object>, Operation> firsts = new HashMap<>();
    for (Operation op : f.body()) {
      if (KernelOutliner.outlines(op)) representatives.put(op, firsts.computeIfAbsent(key(op), k -> op));
    }
  }

  /** The first kernel of the function that is the same code as {@code kernel} (itself when it is the first). */
  Operation representative(Operation kernel) { return representatives.getOrDefault(kernel, kernel); }

  /** True when {@code kernel} is the first of its kind, whose function is compiled. */
  boolean isFirst(Operation kernel) { return representative(kernel) == kernel; }

  /**
   * The values {@code op} uses from outside, in order of first use, except the results of
   * arith.constant and the addresses of tiny constant globals ({@link #INLINE_BYTES}), which
   * the kernel's code holds: the parameters of its function. Other globals (weights, biases)
   * are parameters, so that nests reading other weights share their code.
   */
  List<Value> captures(Operation op) {
    Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Value> out = new ArrayList<>();
    op.walkPreOrder(inner -> {
      for (Value v : inner.operands()) {
        if (KernelOutliner.isInside(v, op) || !seen.add(v)) continue;
        if (!isHeld(v)) out.add(v);
      }
    });
    return out;
  }

  /** True for a value from outside that the kernel's code holds as a constant rather than as a parameter. */
  private boolean isHeld(Value v) {
    return v.definingOp() instanceof ConstantOp || v.definingOp() instanceof GetGlobalOp g && inlineGlobals.contains(g.globalName());
  }

  /** Everything that makes the code of {@code op} what it is, without its location and the identity of the values it uses from outside. */
  private List<Object> key(Operation op) {
    List<Value> captured = captures(op);
    List<Object> key = new ArrayList<>();
    Map<Object, Integer> local = new IdentityHashMap<>();
    Map<Value, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < captured.size(); i++) {
      index.put(captured.get(i), i);
      key.add(captured.get(i).type());
    }
    Set<Value> distinct = BufferRoots.distinct(op, captured);
    for (Value v : captured) key.add(distinct.contains(v));
    for (int i = 0; i < captured.size(); i++) {
      for (int j = i + 1; j < captured.size(); j++) {
        if (disjointViews(captured.get(i), captured.get(j))) key.add(List.of(i, j));
      }
    }
    visit(op, key, local, index);
    return key;
  }

  private static void visit(Operation op, List<Object> key, Map<Object, Integer> local, Map<Value, Integer> captured) {
    // Values from outside are the captured ones (by position) and those the code holds (by what they are).
    key.add(op.name());
    key.add(op.attributes());
    for (Value v : op.operands()) {
      Integer id = local.get(v);
      if (id != null) key.add(id);
      else if (captured.containsKey(v)) key.add("capture " + captured.get(v));
      else key.add(List.of(v.definingOp().name(), v.definingOp().attributes(), v.type()));
    }
    for (OpResult r : op.results()) {
      local.put(r, local.size());
      key.add(r.type());
    }
    for (Region region : op.regions()) {
      key.add("region");
      for (Block b : region.blocks()) {
        local.put(b, local.size());
        key.add("block");
        for (BlockArgument a : b.arguments()) {
          local.put(a, local.size());
          key.add(a.type());
        }
        for (Operation inner : b) visit(inner, key, local, captured);
      }
    }
    for (Block s : op.successors()) key.add(local.get(s));
  }

  /** True when {@code a} and {@code b} are views of the same buffer at disjoint bytes, which {@link AliasScopes} tells LLVM. */
  private static boolean disjointViews(Value a, Value b) {
    BufferRoots.Root ra = view(a);
    BufferRoots.Root rb = view(b);
    return ra != null && rb != null && ra.base().equals(rb.base()) && !ra.overlaps(rb);
  }

  /** The bytes of the memref.view that {@code v} is or is a view of ({@link AliasScopes#viewOf}), when known. */
  private static BufferRoots.Root view(Value v) {
    ViewOp view = v.type() instanceof MemRefType ? AliasScopes.viewOf(v) : null;
    BufferRoots.Root r = view == null ? null : BufferRoots.root(view.result());
    return r == null || r.to() == Long.MAX_VALUE ? null : r;
  }
}
