package dev.sol.pass.transforms;

import dev.sol.dialect.scf.ForOp;
import dev.sol.dialect.scf.IfOp;
import dev.sol.ir.*;
import dev.sol.ir.traits.ConstantLike;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import dev.sol.pass.rewrite.OperationFolder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sparse conditional constant propagation over arith, math and scf: each value is
 * unknown, a constant or overdefined; scf.if regions are analyzed only when their
 * condition allows them to run, scf.for carries are joined over the iterations, and
 * values found constant are replaced by uniqued constants (operations whose results all
 * became constants and that have no effects are erased), as MLIR's sccp.
 */
@PassInfo(name = "sccp", summary = "Sparse conditional constant propagation")
public final class SccpPass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  /** Lattice: null = unknown (not yet reached), OVERDEFINED, or a constant attribute. */
  private static final Attribute OVERDEFINED = new StringAttr("<overdefined>");

  private final Map<Value, Attribute> lattice = new IdentityHashMap<>();
  private boolean changed;

  @Override public boolean run(Operation op, NoOptions options, PassState state) {
    SccpPass analysis = new SccpPass();
    analysis.solve(op);
    int replaced = analysis.rewrite(op, state.context());
    state.statistic("num-replaced", "Values replaced by constants").add(replaced);
    return true;
  }

  private Attribute get(Value v) { return lattice.get(v); }

  private void join(Value v, Attribute a) {
    if (a == null) return;
    Attribute old = lattice.get(v);
    Attribute next = old == null ? a : Objects.equals(old, a) ? old : OVERDEFINED;
    if (!Objects.equals(old, next)) {
      lattice.put(v, next);
      changed = true;
    }
  }

  private void solve(Operation root) {
    do {
      changed = false;
      for (Region r : root.regions()) visitRegion(r, true);
    } while (changed);
  }

  /** Visits a region whose entry arguments were set by the caller (or are overdefined when {@code entryUnknown}). */
  private void visitRegion(Region region, boolean entryArgsOverdefined) {
    for (Block b : region.blocks()) {
      if (entryArgsOverdefined || !b.isEntryBlock()) for (BlockArgument a : b.arguments()) join(a, OVERDEFINED);
      for (Operation op : b) visitOp(op);
    }
  }

  private void visitOp(Operation op) {
    switch (op) {
      case IfOp ifOp -> visitIf(ifOp);
      case ForOp loop -> visitFor(loop);
      default -> visitGeneric(op);
    }
  }

  private void visitGeneric(Operation op) {
    for (Region r : op.regions()) visitRegion(r, true);
    if (op.numResults() == 0) return;
    if (op instanceof ConstantLike) {
      join(op.result(0), op.attribute("value"));
      return;
    }
    List<Attribute> operands = new ArrayList<>();
    for (Value v : op.operands()) {
      Attribute a = get(v);
      if (a == null) return;
      operands.add(a == OVERDEFINED ? null : a);
    }
    if (op instanceof Foldable f && op.numRegions() == 0 && SideEffects.isMemoryEffectFree(op)) {
      List<Object> folded = f.fold(operands);
      if (folded != null) {
        for (int i = 0; i < folded.size(); i++) {
          Object r = folded.get(i);
          join(op.result(i), r instanceof Attribute a ? a : r instanceof Value v && v != op.result(i) ? get(v) : OVERDEFINED);
        }
        return;
      }
    }
    for (OpResult r : op.results()) join(r, OVERDEFINED);
  }

  private List<Attribute> yielded(Region region) {
    Block b = region.entryBlock();
    if (b == null || b.back() == null) return null;
    List<Attribute> out = new ArrayList<>();
    for (Value v : b.back().operands()) out.add(get(v));
    return out;
  }

  private void visitIf(IfOp op) {
    Attribute c = get(op.operand(0));
    if (c == null) return;
    List<Region> live = new ArrayList<>();
    if (c instanceof IntegerAttr i) live.add(op.region(i.value() != 0 ? 0 : 1));
    else live.addAll(op.regions());
    for (Region r : live) {
      if (r.isEmpty()) continue;
      visitRegion(r, false);
      List<Attribute> y = yielded(r);
      if (y != null) for (int i = 0; i < op.numResults(); i++) join(op.result(i), y.get(i));
    }
  }

  private void visitFor(ForOp op) {
    Block body = op.region(0).entryBlock();
    if (body == null) return;
    Attribute lb = get(op.operand(0));
    Attribute ub = get(op.operand(1));
    int inits = op.numOperands() - 3;
    for (int i = 0; i < inits; i++) join(op.result(i), get(op.operand(3 + i)));
    if (lb instanceof IntegerAttr l && ub instanceof IntegerAttr u && l.value() >= u.value()) return;
    join(body.argument(0), OVERDEFINED);
    for (int i = 0; i < inits; i++) join(body.argument(1 + i), get(op.operand(3 + i)));
    visitRegion(op.region(0), false);
    List<Attribute> y = yielded(op.region(0));
    if (y == null) return;
    for (int i = 0; i < inits; i++) {
      join(body.argument(1 + i), y.get(i));
      join(op.result(i), y.get(i));
    }
  }

  private int rewrite(Operation root, IRContext context) {
    OperationFolder folder = new OperationFolder(context);
    PatternRewriter rewriter = new PatternRewriter(context);
    int[] replaced = {0};
    List<Operation> ops = new ArrayList<>();
    for (Region r : root.regions()) for (Block b : r.blocks()) for (Operation o : b.operations()) o.walkPreOrder(ops::add);
    for (Operation op : ops) {
      if (op.parentBlock() == null) continue;
      boolean all = op.numResults() > 0;
      for (OpResult r : op.results()) all &= replaceWithConstant(r, op, folder, rewriter, replaced);
      if (all && SideEffects.isTriviallyDead(op)) op.erase();
    }
    return replaced[0];
  }

  private boolean replaceWithConstant(Value v, Operation near, OperationFolder folder, PatternRewriter rewriter, int[] replaced) {
    Attribute a = get(v);
    if (a == null || a == OVERDEFINED) return false;
    if (v.hasNoUses()) return true;
    Operation c = folder.getOrCreateConstant(near, a, v.type(), rewriter);
    if (c == null) return false;
    if (c.result(0) == v) return true;
    v.replaceAllUsesWith(c.result(0));
    replaced[0]++;
    return true;
  }
}
