package dev.sol.ir;

import dev.sol.ir.traits.GraphRegions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers whether a value's definition dominates a use. Block dominance within a region is
 * computed once per region with the Cooper-Harvey-Kennedy iteration; unreachable blocks
 * are dominated by everything, as in MLIR.
 */
public final class DominanceInfo {
  private final Map<Region, RegionTree> trees = new IdentityHashMap<>();

  /** True when {@code value} is available at {@code user}. */
  public boolean properlyDominates(Value value, Operation user) {
    Block defBlock = value.parentBlock();
    if (defBlock == null || defBlock.parent() == null) return false;
    Region region = defBlock.parent();
    Operation ancestor = region.findAncestorOpInRegion(user);
    if (ancestor == null) return false;
    Operation def = value.definingOp();
    if (def == ancestor) return false;
    if (ancestor.parentBlock() == defBlock) {
      if (def == null || isGraphRegion(region)) return true;
      return def.isBeforeInBlock(ancestor);
    }
    return tree(region).dominates(defBlock, ancestor.parentBlock());
  }

  /** True when block {@code a} dominates block {@code b} of the same region. */
  public boolean dominates(Block a, Block b) {
    if (a == b) return true;
    if (a.parent() != b.parent() || a.parent() == null) return false;
    return tree(a.parent()).dominates(a, b);
  }

  public static boolean isGraphRegion(Region region) {
    return region.parentOp() instanceof GraphRegions;
  }

  private RegionTree tree(Region r) {
    return trees.computeIfAbsent(r, RegionTree::new);
  }

  private static final class RegionTree {
    private final Map<Block, Integer> rpoIndex = new HashMap<>();
    private final int[] idom;

    RegionTree(Region region) {
      List<Block> rpo = new ArrayList<>();
      postOrder(region.entryBlock(), new IdentityHashMap<>(), rpo);
      java.util.Collections.reverse(rpo);
      for (int i = 0; i < rpo.size(); i++) rpoIndex.put(rpo.get(i), i);
      List<List<Integer>> preds = new ArrayList<>();
      for (int i = 0; i < rpo.size(); i++) preds.add(new ArrayList<>());
      for (int i = 0; i < rpo.size(); i++) {
        for (Block s : rpo.get(i).successors()) {
          Integer si = rpoIndex.get(s);
          if (si != null) preds.get(si).add(i);
        }
      }
      idom = new int[rpo.size()];
      java.util.Arrays.fill(idom, -1);
      if (!rpo.isEmpty()) idom[0] = 0;
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int b = 1; b < rpo.size(); b++) {
          int newIdom = -1;
          for (int p : preds.get(b)) {
            if (idom[p] < 0) continue;
            newIdom = newIdom < 0 ? p : intersect(p, newIdom);
          }
          if (newIdom != idom[b]) {
            idom[b] = newIdom;
            changed = true;
          }
        }
      }
    }

    private static void postOrder(Block b, Map<Block, Boolean> seen, List<Block> out) {
      if (b == null) return;
      Deque stack = new Deque();
      stack.push(b, 0);
      seen.put(b, true);
      while (!stack.isEmpty()) {
        Block top = stack.topBlock();
        List<Block> succ = top.successors();
        int i = stack.topIndex();
        if (i < succ.size()) {
          stack.setTopIndex(i + 1);
          Block s = succ.get(i);
          if (s.parent() == b.parent() && seen.putIfAbsent(s, true) == null) stack.push(s, 0);
        } else {
          out.add(top);
          stack.pop();
        }
      }
    }

    private int intersect(int a, int b) {
      while (a != b) {
        while (a > b) a = idom[a];
        while (b > a) b = idom[b];
      }
      return a;
    }

    boolean dominates(Block a, Block b) {
      Integer ai = rpoIndex.get(a);
      Integer bi = rpoIndex.get(b);
      if (bi == null) return true;
      if (ai == null) return false;
      int cur = bi;
      while (true) {
        if (cur == ai) return true;
        if (cur == 0 || idom[cur] < 0) return false;
        cur = idom[cur];
      }
    }
  }

  /** An explicit DFS stack of (block, next successor index), so deep CFGs cannot overflow. */
  private static final class Deque {
    private final List<Block> blocks = new ArrayList<>();
    private final List<Integer> indices = new ArrayList<>();

    void push(Block b, int i) {
      blocks.add(b);
      indices.add(i);
    }

    boolean isEmpty() { return blocks.isEmpty(); }
    Block topBlock() { return blocks.getLast(); }
    int topIndex() { return indices.getLast(); }
    void setTopIndex(int i) { indices.set(indices.size() - 1, i); }

    void pop() {
      blocks.removeLast();
      indices.removeLast();
    }
  }
}
