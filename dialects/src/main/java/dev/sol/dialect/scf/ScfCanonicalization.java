package dev.sol.dialect.scf;

import dev.sol.dialect.arith.ArithConstants;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.List;

/** Canonicalization patterns of the scf dialect, after MLIR's. */
final class ScfCanonicalization {
  private ScfCanonicalization() {}

  static List<RewritePattern> patterns() {
    return List.of(new SimplifyTrivialLoops(), new RemoveStaticCondition(), new RemoveUnusedIfResults());
  }

  private static Long constantInt(Value v) {
    return v.definingOp() instanceof dev.sol.dialect.arith.ConstantOp c && c.value() instanceof IntegerAttr i ? i.value() : null;
  }

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
      if (step == null || step <= 0 || lb + step < ub) return false;
      List<Value> args = new ArrayList<>();
      args.add(op.lowerBound());
      args.addAll(op.initArgs());
      List<Value> results = inlineRegion(op.region(0), op, args, rewriter);
      rewriter.replaceOp(op, results);
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
      OperationState state = new OperationState(IfOp.SPEC.name(), op.location()).operands(op.condition());
      for (int i : used) state.resultTypes.add(op.result(i).type());
      for (Region r : op.regions()) {
        Region moved = state.addRegion();
        r.moveBlocksTo(moved);
        Block b = moved.entryBlock();
        if (b != null && b.back() instanceof YieldOp y) {
          List<Value> kept = new ArrayList<>();
          for (int i : used) kept.add(y.operand(i));
          rewriter.modifyInPlace(y, () -> y.setOperands(kept));
        }
      }
      rewriter.before(op);
      IfOp replacement = rewriter.create(IfOp.class, state);
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
