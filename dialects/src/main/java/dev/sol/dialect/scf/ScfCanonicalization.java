package dev.sol.dialect.scf;

import dev.sol.dialect.arith.ArithConstants;
import dev.sol.dialect.arith.SelectOp;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.List;

/** Canonicalization patterns of the scf dialect, after MLIR's. */
final class ScfCanonicalization {
  private ScfCanonicalization() {}

  static List<RewritePattern> patterns() {
    return List.of(new SimplifyTrivialLoops(), new ForOpIterArgsFolder(), new RemoveStaticCondition(),
        new RemoveUnusedIfResults(), new ConvertTrivialIfToSelect(), new RemoveEmptyElseBranch(), new CombineIfs());
  }

  private static Long constantInt(Value v) { return dev.sol.dialect.arith.ConstantOp.integerValue(v); }

  /** Moves the ops of a single-block region before {@code anchor}, mapping its arguments; returns what it yields. */
  private static List<Value> inlineRegion(Region region, Operation anchor, List<Value> args, PatternRewriter rewriter) {
    Block body = region.entryBlock();
    Operation yield = body.back();
    List<Value> yielded = new ArrayList<>(yield.operands());
    for (int i = 0; i < args.size(); i++) {
      Value arg = body.argument(i);
      for (int k = 0; k < yielded.size(); k++) if (yielded.get(k) == arg) yielded.set(k, args.get(i));
    }
    rewriter.eraseOp(yield);
    rewriter.inlineBlockBefore(body, anchor, args);
    return yielded;
  }

  /** scf.for that runs zero times yields its inits; one that runs once becomes its body. */
  static final class SimplifyTrivialLoops extends OpRewritePattern<ForOp> {
    SimplifyTrivialLoops() { super(ForOp.class, ForOp.SPEC); }

    @Override public boolean matchAndRewrite(ForOp op, PatternRewriter rewriter) {
      if (op.lowerBound() == op.upperBound()) {
        rewriter.replaceOp(op, op.initArgs());
        return true;
      }
      Long lb = constantInt(op.lowerBound());
      Long ub = constantInt(op.upperBound());
      if (lb == null || ub == null) return false;
      if (lb >= ub) {
        rewriter.replaceOp(op, op.initArgs());
        return true;
      }
      Long step = constantInt(op.step());
      if (step == null || step <= 0) return false;
      if (lb + step < ub) return removeEmptyLoop(op, rewriter);
      List<Value> args = new ArrayList<>();
      args.add(op.lowerBound());
      args.addAll(op.initArgs());
      List<Value> results = inlineRegion(op.region(0), op, args, rewriter);
      rewriter.replaceOp(op, results);
      return true;
    }
  }

  /** A loop that runs at least once and only yields values from outside is those values. */
  private static boolean removeEmptyLoop(ForOp op, PatternRewriter rewriter) {
    Block body = op.body();
    if (body.size() != 1) return false;
    List<Value> yielded = body.back().operands();
    for (Value v : yielded) if (op.isAncestorOf(v.parentBlock().parentOp())) return false;
    rewriter.replaceOp(op, yielded);
    return true;
  }

  /** Drops loop-carried values that the body passes through unchanged, or that nobody uses. */
  static final class ForOpIterArgsFolder extends OpRewritePattern<ForOp> {
    ForOpIterArgsFolder() { super(ForOp.class, ForOp.SPEC); }

    @Override public boolean matchAndRewrite(ForOp op, PatternRewriter rewriter) {
      Block body = op.body();
      Operation yield = body.back();
      int n = op.numResults();
      boolean[] keep = new boolean[n];
      boolean any = false;
      for (int i = 0; i < n; i++) {
        BlockArgument arg = body.argument(1 + i);
        boolean passThrough = yield.operand(i) == arg;
        boolean unused = arg.hasNoUses() && op.result(i).hasNoUses();
        keep[i] = !passThrough && !unused;
        any |= !keep[i];
      }
      if (!any) return false;
      List<Value> keptInits = new ArrayList<>();
      for (int i = 0; i < n; i++) if (keep[i]) keptInits.add(op.operand(3 + i));
      List<Value> kept = new ArrayList<>();
      for (int i = 0; i < n; i++) if (keep[i]) kept.add(yield.operand(i));
      rewriter.modifyInPlace(yield, () -> yield.setOperands(kept));
      rewriter.before(op);
      ForOp replacement = ForOp.create(rewriter, op.location(), op.lowerBound(), op.upperBound(), op.step(), keptInits);
      Block newBody = replacement.body();
      // The new body's arguments keep the locations of the ones they replace.
      newBody.argument(0).setLocation(body.argument(0).location());
      List<Value> argMap = new ArrayList<>();
      argMap.add(newBody.argument(0));
      for (int i = 0, k = 1; i < n; i++) {
        if (!keep[i]) {
          argMap.add(op.operand(3 + i));
          continue;
        }
        BlockArgument arg = newBody.argument(k++);
        arg.setLocation(body.argument(1 + i).location());
        argMap.add(arg);
      }
      rewriter.inlineBlockBefore(body, null, argMap, newBody);
      List<Value> results = new ArrayList<>();
      int k = 0;
      for (int i = 0; i < n; i++) results.add(keep[i] ? replacement.result(k++) : op.operand(3 + i));
      rewriter.replaceOp(op, results);
      return true;
    }
  }

  /** Yielded values defined outside scf.if become arith.select; the if keeps only what it computes. */
  static final class ConvertTrivialIfToSelect extends OpRewritePattern<IfOp> {
    ConvertTrivialIfToSelect() { super(IfOp.class, IfOp.SPEC); }

    @Override public boolean matchAndRewrite(IfOp op, PatternRewriter rewriter) {
      if (op.numResults() == 0 || op.elseRegion().isEmpty()) return false;
      Operation thenYield = op.thenRegion().entryBlock().back();
      Operation elseYield = op.elseRegion().entryBlock().back();
      List<Type> kept = new ArrayList<>();
      for (int i = 0; i < op.numResults(); i++) {
        if (thenYield.operand(i).parentRegion() == op.thenRegion() || elseYield.operand(i).parentRegion() == op.elseRegion()) {
          kept.add(op.result(i).type());
        }
      }
      if (kept.size() == op.numResults()) return false;
      rewriter.before(op);
      IfOp replacement = IfOp.create(rewriter, op.location(), op.condition(), kept);
      Region thenR = replacement.thenRegion();
      Region elseR = replacement.elseRegion();
      op.thenRegion().moveBlocksTo(thenR);
      op.elseRegion().moveBlocksTo(elseR);
      List<Value> results = new ArrayList<>();
      List<Value> trueYields = new ArrayList<>();
      List<Value> falseYields = new ArrayList<>();
      for (int i = 0; i < op.numResults(); i++) {
        Value t = thenYield.operand(i);
        Value f = elseYield.operand(i);
        if (t.parentRegion() == thenR || f.parentRegion() == elseR) {
          results.add(replacement.result(trueYields.size()));
          trueYields.add(t);
          falseYields.add(f);
        } else if (t == f) {
          results.add(t);
        } else {
          rewriter.before(replacement);
          results.add(SelectOp.create(rewriter, op.location(), op.condition(), t, f).result());
        }
      }
      rewriter.modifyInPlace(thenYield, () -> thenYield.setOperands(trueYields));
      rewriter.modifyInPlace(elseYield, () -> elseYield.setOperands(falseYields));
      rewriter.replaceOp(op, results);
      return true;
    }
  }

  /** Two consecutive scf.if on the same condition become one. */
  static final class CombineIfs extends OpRewritePattern<IfOp> {
    CombineIfs() { super(IfOp.class, IfOp.SPEC); }

    @Override public boolean matchAndRewrite(IfOp next, PatternRewriter rewriter) {
      if (!(next.prevInBlock() instanceof IfOp prev) || prev.condition() != next.condition()) return false;
      Block nextThen = next.thenRegion().entryBlock();
      Block nextElse = next.elseRegion().entryBlock();
      Operation prevThenYield = prev.thenRegion().entryBlock().back();
      Operation prevElseYield = prev.elseRegion().isEmpty() ? null : prev.elseRegion().entryBlock().back();
      for (int i = 0; i < prev.numResults(); i++) {
        for (OpOperand use : new ArrayList<>(toList(prev.result(i).uses()))) {
          Region r = use.owner().parentRegion();
          if (nextThen != null && next.thenRegion().isAncestorOf(r)) {
            Value v = prevThenYield.operand(i);
            rewriter.modifyInPlace(use.owner(), () -> use.set(v));
          } else if (nextElse != null && prevElseYield != null && next.elseRegion().isAncestorOf(r)) {
            Value v = prevElseYield.operand(i);
            rewriter.modifyInPlace(use.owner(), () -> use.set(v));
          }
        }
      }
      List<Type> types = new ArrayList<>(prev.resultTypes());
      types.addAll(next.resultTypes());
      rewriter.before(next);
      IfOp combined = IfOp.create(rewriter, next.location(), prev.condition(), types);
      prev.thenRegion().moveBlocksTo(combined.thenRegion());
      prev.elseRegion().moveBlocksTo(combined.elseRegion());
      mergeInto(combined.thenRegion(), next.thenRegion(), rewriter);
      mergeInto(combined.elseRegion(), next.elseRegion(), rewriter);
      rewriter.replaceOp(prev, combined.results().subList(0, prev.numResults()));
      rewriter.replaceOp(next, combined.results().subList(prev.numResults(), combined.numResults()));
      return true;
    }

    /** Appends the ops of {@code from}'s block to {@code into}'s block, merging the two yields. */
    private static void mergeInto(Region into, Region from, PatternRewriter rewriter) {
      if (from.isEmpty()) return;
      if (into.isEmpty()) {
        from.moveBlocksTo(into);
        return;
      }
      Block dest = into.entryBlock();
      Operation firstYield = dest.back();
      Block src = from.entryBlock();
      Operation secondYield = src.back();
      List<Value> merged = new ArrayList<>(firstYield.operands());
      merged.addAll(secondYield.operands());
      for (Operation op : src.operations()) {
        if (op == secondYield) break;
        src.remove(op);
        dest.insertBefore(op, firstYield);
      }
      rewriter.modifyInPlace(firstYield, () -> firstYield.setOperands(merged));
      Location loc = secondYield.location();
      firstYield.setLocation(loc);
    }

    private static List<OpOperand> toList(Iterable<OpOperand> uses) {
      List<OpOperand> l = new ArrayList<>();
      uses.forEach(l::add);
      return l;
    }
  }

  /** An else branch that only yields nothing is removed. */
  static final class RemoveEmptyElseBranch extends OpRewritePattern<IfOp> {
    RemoveEmptyElseBranch() { super(IfOp.class, IfOp.SPEC); }

    @Override public boolean matchAndRewrite(IfOp op, PatternRewriter rewriter) {
      if (op.numResults() != 0 || op.elseRegion().isEmpty()) return false;
      Block e = op.elseRegion().entryBlock();
      if (e.size() != 1 || e.back().numOperands() != 0) return false;
      rewriter.modifyInPlace(op, () -> {
        e.back().erase();
        op.elseRegion().remove(e);
      });
      return true;
    }
  }

  /** scf.if on a constant condition becomes the branch that runs. */
  static final class RemoveStaticCondition extends OpRewritePattern<IfOp> {
    RemoveStaticCondition() { super(IfOp.class, IfOp.SPEC); }

    @Override public boolean matchAndRewrite(IfOp op, PatternRewriter rewriter) {
      Long c = constantInt(op.condition());
      if (c == null) return false;
      Region taken = c != 0 ? op.thenRegion() : op.elseRegion();
      if (taken.isEmpty()) {
        rewriter.eraseOp(op);
        return true;
      }
      List<Value> results = inlineRegion(taken, op, List.of(), rewriter);
      rewriter.replaceOp(op, results);
      return true;
    }
  }

  /** Drops scf.if results that nobody uses. */
  static final class RemoveUnusedIfResults extends OpRewritePattern<IfOp> {
    RemoveUnusedIfResults() { super(IfOp.class, IfOp.SPEC); }

    @Override public boolean matchAndRewrite(IfOp op, PatternRewriter rewriter) {
      List<Integer> used = new ArrayList<>();
      for (int i = 0; i < op.numResults(); i++) if (!op.result(i).hasNoUses()) used.add(i);
      if (used.size() == op.numResults()) return false;
      List<Type> types = new ArrayList<>();
      for (int i : used) types.add(op.result(i).type());
      rewriter.before(op);
      IfOp replacement = IfOp.create(rewriter, op.location(), op.condition(), types);
      for (int k = 0; k < 2; k++) {
        Region moved = replacement.region(k);
        op.region(k).moveBlocksTo(moved);
        Block b = moved.entryBlock();
        if (b != null && b.back() instanceof YieldOp y) {
          List<Value> kept = new ArrayList<>();
          for (int i : used) kept.add(y.operand(i));
          rewriter.modifyInPlace(y, () -> y.setOperands(kept));
        }
      }
      List<Value> values = new ArrayList<>();
      int k = 0;
      for (int i = 0; i < op.numResults(); i++) values.add(used.contains(i) ? replacement.result(k++) : null);
      for (int i = 0; i < op.numResults(); i++) if (values.get(i) != null) op.result(i).replaceAllUsesWith(values.get(i));
      rewriter.eraseOp(op);
      return true;
    }
  }

  /** An index constant before {@code anchor}. */
  static Value index(PatternRewriter rewriter, Operation anchor, long v) {
    rewriter.before(anchor);
    return ArithConstants.index(rewriter, v, anchor.location());
  }
}
