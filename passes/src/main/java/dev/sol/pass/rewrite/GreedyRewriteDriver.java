package dev.sol.pass.rewrite;

import dev.sol.ir.*;
import dev.sol.ir.traits.ConstantLike;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies patterns and folding until nothing changes, as MLIR's greedy driver: a worklist
 * of operations (processed in post-order), trivially dead operations erased, constants
 * uniqued and hoisted, patterns tried by decreasing benefit, and a bound on the number of
 * sweeps beyond which it reports that it did not converge.
 */
public final class GreedyRewriteDriver implements PatternRewriter.Listener {
  /**
   * @param maxIterations sweeps over the IR before giving up
   * @param fold use the operations' fold hooks
   * @param checkPatternResults verify that a pattern returning true really changed the IR
   *     (expensive; for tests)
   * @param topDown visit operations in pre-order (MLIR's canonicalizer default) rather than post-order
   */
  public record Config(int maxIterations, boolean fold, boolean checkPatternResults, boolean topDown) {
    public Config(int maxIterations, boolean fold, boolean checkPatternResults) {
      this(maxIterations, fold, checkPatternResults, true);
    }

    public static Config defaults() { return new Config(10, true, false, true); }
  }

  /** @param converged false when the last sweep still changed the IR */
  public record Result(boolean converged, boolean changed, int iterations) {}

  private final IRContext context;
  private final Map<String, List<RewritePattern>> byRoot = new HashMap<>();
  private final List<RewritePattern> anyRoot = new ArrayList<>();
  private final Config config;
  private final OperationFolder folder;
  private final PatternRewriter rewriter;
  /** May hold stale entries (erased or already processed); {@code inWorklist} is the truth. */
  private final ArrayDeque<Operation> worklist = new ArrayDeque<>();
  private final Set<Operation> inWorklist = Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean changed;

  private GreedyRewriteDriver(IRContext context, List<RewritePattern> patterns, Config config) {
    this.context = context;
    this.config = config;
    List<RewritePattern> sorted = new ArrayList<>(patterns);
    sorted.sort(Comparator.comparingInt(RewritePattern::benefit).reversed());
    for (RewritePattern p : sorted) {
      if (p.rootName() == null) anyRoot.add(p);
      else byRoot.computeIfAbsent(p.rootName(), k -> new ArrayList<>()).add(p);
    }
    this.folder = new OperationFolder(context);
    this.rewriter = new PatternRewriter(context);
    rewriter.setListener(this);
  }

  /** Rewrites everything nested in {@code root} (not root itself). */
  public static Result apply(IRContext context, Operation root, List<RewritePattern> patterns, Config config) {
    return new GreedyRewriteDriver(context, patterns, config).run(root);
  }

  private Result run(Operation root) {
    boolean anyChange = false;
    int iteration = 0;
    boolean changedThisSweep;
    do {
      iteration++;
      changed = false;
      // Pre-order (top-down, the canonicalizer's default in MLIR) or post-order.
      List<Operation> ops = new ArrayList<>();
      for (Region r : root.regions()) {
        for (Block b : r.blocks()) {
          for (Operation op : b.operations()) {
            if (config.topDown) op.walkPreOrder(ops::add);
            else op.walk(ops::add);
          }
        }
      }
      worklist.clear();
      inWorklist.clear();
      for (Operation op : ops) {
        if (config.fold && op instanceof ConstantLike && op.attribute("value") != null && op.parentBlock() != null) {
          if (!folder.insertKnownConstant(op, rewriter)) continue;
        }
        add(op);
      }
      // A sweep ends after this many rewrites, so that patterns that undo each other (or
      // re-queue their own op) run into the iteration limit instead of looping forever.
      long budget = 10L * ops.size() + 100;
      while (!worklist.isEmpty() && budget-- > 0) {
        Operation op = worklist.pollFirst();
        if (!inWorklist.remove(op) || !isAttached(op, root)) continue;
        process(op);
      }
      changedThisSweep = changed;
      anyChange |= changed;
    } while (changedThisSweep && iteration < config.maxIterations);
    return new Result(!changedThisSweep, anyChange, iteration);
  }

  /** False for operations erased, or nested in an erased operation, since they were queued. */
  private static boolean isAttached(Operation op, Operation root) {
    for (Operation p = op; p != null; p = p.parentOp()) {
      if (p == root) return true;
      if (p.parentBlock() == null) return false;
    }
    return false;
  }

  private void process(Operation op) {
    if (SideEffects.isTriviallyDead(op)) {
      rewriter.eraseOp(op);
      changed = true;
      return;
    }
    if (config.fold && folder.tryFold(op, rewriter)) {
      changed = true;
      return;
    }
    List<RewritePattern> candidates = byRoot.getOrDefault(op.name(), List.of());
    for (List<RewritePattern> list : List.of(candidates, anyRoot)) {
      for (RewritePattern p : list) {
        Operation scope = op.parentOp();
        long before = config.checkPatternResults && scope != null ? IRFingerprint.of(scope) : 0;
        rewriter.before(op);
        boolean applied = p.rewrite(op, rewriter);
        if (config.checkPatternResults && scope != null) {
          boolean differs = IRFingerprint.of(scope) != before;
          if (applied && !differs) {
            throw new IllegalStateException("pattern " + p.debugName() + " returned true but did not change the IR");
          }
          if (!applied && differs) {
            throw new IllegalStateException("pattern " + p.debugName() + " changed the IR but returned false");
          }
        }
        if (applied) {
          changed = true;
          return;
        }
      }
    }
  }

  private void add(Operation op) {
    if (inWorklist.add(op)) worklist.addLast(op);
  }

  private void addFront(Operation op) {
    if (inWorklist.add(op)) worklist.addFirst(op);
  }

  // ---- listener: keep the worklist in step with the IR

  @Override public void operationInserted(Operation op) {
    addFront(op);
  }

  @Override public void operationReplaced(Operation op, List<? extends Value> replacement) {
    for (OpResult r : op.results()) for (Operation user : r.users()) addFront(user);
  }

  @Override public void operationErased(Operation op) {
    inWorklist.remove(op);
    folder.notifyRemoval(op);
    // As MLIR: a defining op is revisited when this was its last use (it may now be dead).
    for (Value v : op.operands()) {
      if (v == null || !(v.hasNoUses() || v.hasOneUse())) continue;
      Operation def = v.definingOp();
      if (def != null && def != op) addFront(def);
    }
  }

  @Override public void operationModified(Operation op) {
    addFront(op);
  }

  /** The context the driver rewrites in. */
  public IRContext context() { return context; }
}
