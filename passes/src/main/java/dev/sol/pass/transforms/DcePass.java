package dev.sol.pass.transforms;

import dev.sol.ir.*;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.util.ArrayList;
import java.util.List;

/**
 * Dead code elimination: erases operations whose results are unused and that have no
 * effect other than allocating, repeatedly (users first), and blocks of CFG regions that
 * no branch reaches.
 */
@PassInfo(name = "dce", summary = "Erase operations without uses or effects, and unreachable blocks")
public final class DcePass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  @Override public boolean run(Operation op, NoOptions options, PassState state) {
    int[] erased = {0};
    int[] blocks = {0};
    for (Region r : op.regions()) sweep(r, erased, blocks);
    state.statistic("num-erased-ops", "Operations erased").add(erased[0]);
    state.statistic("num-erased-blocks", "Unreachable blocks erased").add(blocks[0]);
    return true;
  }

  private static void sweep(Region region, int[] erased, int[] blocksErased) {
    if (region.blocks().size() > 1 && !DominanceInfo.isGraphRegion(region)) {
      boolean removed = true;
      while (removed) {
        removed = false;
        for (Block b : new ArrayList<>(region.blocks())) {
          if (b.isEntryBlock() || hasPredecessor(b)) continue;
          for (Operation o : b.operations()) {
            o.dropAllReferences();
          }
          for (Operation o : b.operations()) {
            for (OpResult r : o.results()) {
              for (OpOperand use : List.copyOf(toList(r.uses()))) use.owner().dropAllReferences();
            }
            b.remove(o);
          }
          region.remove(b);
          blocksErased[0]++;
          removed = true;
        }
      }
    }
    List<Block> blocks = new ArrayList<>(region.blocks());
    for (int bi = blocks.size() - 1; bi >= 0; bi--) {
      List<Operation> ops = blocks.get(bi).operations();
      for (int i = ops.size() - 1; i >= 0; i--) {
        Operation op = ops.get(i);
        if (op.parentBlock() == null) continue;
        for (Region r : op.regions()) sweep(r, erased, blocksErased);
        if (SideEffects.isTriviallyDead(op)) {
          op.erase();
          erased[0]++;
        }
      }
    }
  }

  private static List<OpOperand> toList(Iterable<OpOperand> uses) {
    List<OpOperand> list = new ArrayList<>();
    uses.forEach(list::add);
    return list;
  }

  private static boolean hasPredecessor(Block b) {
    for (Block p : b.parent().blocks()) if (p != b && p.successors().contains(b)) return true;
    return false;
  }
}
