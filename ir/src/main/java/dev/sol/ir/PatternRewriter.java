package dev.sol.ir;

import java.util.List;

/**
 * The only way patterns change IR: creation (inherited from {@link Builder}), replacement,
 * erasure, in-place modification, moving and inlining, each reported to the listener so
 * that drivers can track what changed.
 */
public class PatternRewriter extends Builder {
  /** Told about every change a rewriter makes. */
  public interface Listener extends Builder.Listener {
    default void operationInserted(Operation op) {}

    default void operationReplaced(Operation op, List<? extends Value> replacement) {}

    default void operationErased(Operation op) {}

    default void operationModified(Operation op) {}
  }

  public PatternRewriter(IRContext context) { super(context); }

  private Listener rewriteListener() {
    return listener() instanceof Listener l ? l : null;
  }

  /** Replaces all uses of the results of {@code op} and erases it. */
  public void replaceOp(Operation op, List<? extends Value> replacement) {
    if (replacement.size() != op.numResults()) {
      throw new IllegalArgumentException("replacing '" + op.name() + "' (" + op.numResults() + " results) with "
          + replacement.size() + " values");
    }
    Listener l = rewriteListener();
    if (l != null) l.operationReplaced(op, replacement);
    for (int i = 0; i < replacement.size(); i++) op.result(i).replaceAllUsesWith(replacement.get(i));
    eraseOp(op);
  }

  public void replaceOp(Operation op, Value replacement) { replaceOp(op, List.of(replacement)); }

  /** Creates an operation before {@code op} and replaces {@code op} with its results. */
  public <T extends Operation> T replaceOpWithNew(Operation op, Class<T> type, OperationState state) {
    before(op);
    T created = create(type, state);
    replaceOp(op, created.results());
    return created;
  }

  /** Erases an operation whose results have no uses, with everything nested in it. */
  public void eraseOp(Operation op) {
    for (OpResult r : op.results()) {
      if (!r.hasNoUses()) throw new IllegalStateException("erasing '" + op.name() + "' whose result still has uses");
    }
    Listener l = rewriteListener();
    if (l != null) {
      for (Region r : op.regions()) for (Block b : r.blocks()) for (Operation inner : b.operations()) notifyErasedTree(inner, l);
      l.operationErased(op);
    }
    op.erase();
  }

  private static void notifyErasedTree(Operation op, Listener l) {
    for (Region r : op.regions()) for (Block b : r.blocks()) for (Operation inner : b.operations()) notifyErasedTree(inner, l);
    l.operationErased(op);
  }

  /** Applies {@code change} to {@code op} (operands, attributes) and reports the modification. */
  public void modifyInPlace(Operation op, Runnable change) {
    change.run();
    Listener l = rewriteListener();
    if (l != null) l.operationModified(op);
  }

  public void moveOpBefore(Operation op, Operation anchor) {
    op.moveBefore(anchor);
    Listener l = rewriteListener();
    if (l != null) l.operationModified(op);
  }

  /**
   * Moves the operations of {@code source} into {@code dest} before {@code anchor} (or at its
   * end when anchor is null), replacing the block's arguments with {@code arguments}; the
   * emptied block is removed from its region.
   */
  public void inlineBlockBefore(Block source, Operation anchor, List<? extends Value> arguments, Block dest) {
    if (arguments.size() != source.numArguments()) throw new IllegalArgumentException("block argument count mismatch");
    for (int i = 0; i < arguments.size(); i++) source.argument(i).replaceAllUsesWith(arguments.get(i));
    Listener l = rewriteListener();
    for (Operation op : source.operations()) {
      source.remove(op);
      dest.insertBefore(op, anchor);
      if (l != null) l.operationModified(op);
    }
    if (source.parent() != null) source.parent().remove(source);
  }

  /**
   * Moves the operations of {@code source} before {@code anchor}, replacing the block's
   * arguments with {@code arguments}; the emptied block is removed from its region.
   */
  public void inlineBlockBefore(Block source, Operation anchor, List<? extends Value> arguments) {
    inlineBlockBefore(source, anchor, arguments, anchor.parentBlock());
  }
}
