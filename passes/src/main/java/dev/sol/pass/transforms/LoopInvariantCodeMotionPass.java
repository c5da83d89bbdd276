package dev.sol.pass.transforms;

import dev.sol.dialect.scf.ForOp;
import dev.sol.dialect.scf.ParallelOp;
import dev.sol.ir.*;
import dev.sol.ir.traits.IsTerminator;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Hoists operations out of scf.for and scf.parallel loops when everything they use is
 * defined outside the loop, they have no memory effects and may run speculatively, as
 * MLIR's loop-invariant-code-motion. Inner loops are processed first.
 */
@PassInfo(name = "loop-invariant-code-motion", summary = "Hoist loop invariant operations out of loops")
public final class LoopInvariantCodeMotionPass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  @Override public boolean run(Operation op, NoOptions options, PassState state) {
    List<Operation> loops = new ArrayList<>();
    op.walk(o -> {
      if (o != op && (o instanceof ForOp || o instanceof ParallelOp)) loops.add(o);
    });
    int moved = 0;
    for (Operation loop : loops) moved += hoist(loop);
    state.statistic("num-hoisted", "Operations hoisted out of loops").add(moved);
    return true;
  }

  private static int hoist(Operation loop) {
    Region body = loop.region(0);
    Deque<Operation> work = new ArrayDeque<>();
    for (Block b : body.blocks()) work.addAll(b.operations());
    int moved = 0;
    while (!work.isEmpty()) {
      Operation op = work.poll();
      if (op.parentRegion() != body) continue;
      if (!canBeHoisted(op, loop) || !SideEffects.isMemoryEffectFree(op) || !SideEffects.isSpeculatable(op)) continue;
      op.moveBefore(loop);
      moved++;
      for (OpResult r : op.results()) {
        for (Operation user : r.users()) if (user.parentRegion() == body) work.add(user);
      }
    }
    return moved;
  }

  /** All values used by {@code op} or inside it come from outside the loop (or from inside op). */
  private static boolean canBeHoisted(Operation op, Operation loop) {
    if (op instanceof IsTerminator) return false;
    final boolean[] ok = {true};
    op.walkPreOrder(child -> {
      for (Value v : child.operands()) {
        Region r = v.parentRegion();
        if (r != null && r.parentOp() != null && op.isAncestorOf(r.parentOp())) continue;
        if (loop.isAncestorOf(v.parentBlock() == null ? null : v.parentBlock().parentOp()) || v.definingOp() == op) {
          ok[0] = false;
        }
      }
    });
    return ok[0];
  }
}
