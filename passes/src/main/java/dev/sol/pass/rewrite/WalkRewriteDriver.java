package dev.sol.pass.rewrite;

import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies the first matching pattern once to each operation, in one post-order walk; no folding. */
public final class WalkRewriteDriver {
  private WalkRewriteDriver() {}

  /** Returns true when some pattern changed the IR. */
  public static boolean apply(IRContext context, Operation root, List<RewritePattern> patterns) {
    List<RewritePattern> sorted = new ArrayList<>(patterns);
    sorted.sort(Comparator.comparingInt(RewritePattern::benefit).reversed());
    PatternRewriter rewriter = new PatternRewriter(context);
    List<Operation> ops = new ArrayList<>();
    for (Region r : root.regions()) for (Block b : r.blocks()) for (Operation op : b.operations()) op.walk(ops::add);
    boolean changed = false;
    for (Operation op : ops) {
      if (op.parentBlock() == null && op != root) continue;
      for (RewritePattern p : sorted) {
        if (p.rootName() != null && !p.rootName().equals(op.name())) continue;
        rewriter.before(op);
        if (p.rewrite(op, rewriter)) {
          changed = true;
          break;
        }
      }
    }
    return changed;
  }
}
