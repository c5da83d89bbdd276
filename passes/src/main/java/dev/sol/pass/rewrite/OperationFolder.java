package dev.sol.pass.rewrite;

import dev.sol.ir.*;
import dev.sol.ir.traits.ConstantLike;
import dev.sol.ir.traits.IsolatedFromAbove;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/**
 * Folds operations and keeps constants unique, as MLIR's OperationFolder: constants live at
 * the start of the entry block of the closest isolated-from-above region, one operation
 * per (value, type), and folded results are materialized there by the operation's dialect.
 */
public final class OperationFolder {
  private record Key(String dialect, Attribute value, Type type) {}

  private final IRContext context;
  private final Map<Region, Map<Key, Operation>> constants = new IdentityHashMap<>();
  private final Set<Operation> owned = Collections.newSetFromMap(new IdentityHashMap<>());

  public OperationFolder(IRContext context) { this.context = context; }

  /** The constant value of {@code v} when it is defined by a constant-like op, else null. */
  public static Attribute constantValue(Value v) {
    Operation def = v == null ? null : v.definingOp();
    return def instanceof ConstantLike ? def.attribute("value") : null;
  }

  static Region insertionRegion(Block block) {
    Region region = block.parent();
    while (region.parentOp() != null && !(region.parentOp() instanceof IsolatedFromAbove)
        && region.parentOp().parentBlock() != null) {
      region = region.parentOp().parentRegion();
    }
    return region;
  }

  private Map<Key, Operation> scope(Region r) { return constants.computeIfAbsent(r, k -> new HashMap<>()); }

  /**
   * Registers an existing constant: a duplicate is replaced by the known one (returns
   * false, the op is gone); otherwise it is moved to the front of its insertion block.
   */
  public boolean insertKnownConstant(Operation op, PatternRewriter rewriter) {
    Block block = op.parentBlock();
    if (owned.contains(op)) {
      if (block.front() != op && !owned.contains(op.prevInBlock())) op.moveBefore(block.front());
      return true;
    }
    Region region = insertionRegion(block);
    Key key = new Key(op.dialectNamespace(), op.attribute("value"), op.result(0).type());
    Map<Key, Operation> scope = scope(region);
    Operation existing = scope.get(key);
    if (existing != null && existing != op) {
      rewriter.replaceOp(op, existing.results());
      return false;
    }
    Block insertBlock = region.entryBlock();
    if (block != insertBlock || (insertBlock.front() != op && !owned.contains(op.prevInBlock()))) {
      op.moveBefore(insertBlock.front());
    }
    scope.put(key, op);
    owned.add(op);
    return true;
  }

  /** Forgets an operation that is being erased. */
  public void notifyRemoval(Operation op) {
    if (!owned.remove(op)) return;
    for (Map<Key, Operation> scope : constants.values()) scope.values().removeIf(o -> o == op);
  }

  /**
   * Tries to fold {@code op}. On success replaces its results (materializing constants)
   * and returns true; an in-place fold also returns true.
   */
  public boolean tryFold(Operation op, PatternRewriter rewriter) {
    if (op instanceof ConstantLike) return uniqueConstant(op, rewriter);
    if (op instanceof dev.sol.ir.traits.Commutative && moveConstantsRight(op, rewriter)) return true;
    if (!(op instanceof Foldable f)) return false;
    List<Attribute> operands = new ArrayList<>();
    for (Value v : op.operands()) operands.add(constantValue(v));
    List<Object> folded = f.fold(operands);
    if (folded == null) return false;
    if (folded.size() != op.numResults()) throw new IllegalStateException("'" + op.name() + "' folded to the wrong number of results");
    boolean inPlace = true;
    for (int i = 0; i < folded.size(); i++) inPlace &= folded.get(i) == op.result(i);
    if (inPlace) {
      rewriter.modifyInPlace(op, () -> { });
      return true;
    }
    List<Value> replacements = new ArrayList<>();
    for (int i = 0; i < folded.size(); i++) {
      Object r = folded.get(i);
      if (r instanceof Value v) {
        replacements.add(v);
      } else {
        Operation c = getOrCreateConstant(op, (Attribute) r, op.result(i).type(), rewriter);
        if (c == null) return false;
        replacements.add(c.result(0));
      }
    }
    rewriter.replaceOp(op, replacements);
    return true;
  }

  /**
   * A constant created by a pattern folds to itself, as in MLIR: it is replaced by the
   * uniqued constant at the front of the insertion block (created there if needed).
   */
  private boolean uniqueConstant(Operation op, PatternRewriter rewriter) {
    if (owned.contains(op)) {
      Block block = op.parentBlock();
      if (block.front() != op && !owned.contains(op.prevInBlock())) op.moveBefore(block.front());
      return false;
    }
    Attribute value = op.attribute("value");
    if (value == null || op.numResults() != 1) return false;
    Operation c = getOrCreateConstant(op, value, op.result(0).type(), rewriter);
    if (c == null || c == op) return false;
    rewriter.replaceOp(op, c.results());
    return true;
  }

  /** Puts constant operands of a commutative op last, as MLIR's foldCommutative; true when it moved any. */
  private static boolean moveConstantsRight(Operation op, PatternRewriter rewriter) {
    List<Value> nonConstant = new ArrayList<>();
    List<Value> constant = new ArrayList<>();
    for (Value v : op.operands()) (constantValue(v) != null ? constant : nonConstant).add(v);
    List<Value> sorted = new ArrayList<>(nonConstant);
    sorted.addAll(constant);
    if (sorted.equals(op.operands())) return false;
    rewriter.modifyInPlace(op, () -> op.setOperands(sorted));
    return true;
  }

  public Operation getOrCreateConstant(Operation near, Attribute value, Type type, PatternRewriter rewriter) {
    Region region = insertionRegion(near.parentBlock());
    Dialect dialect = context.dialect(near.dialectNamespace());
    if (dialect == null) return null;
    Key key = new Key(near.dialectNamespace(), value, type);
    Map<Key, Operation> scope = scope(region);
    Operation existing = scope.get(key);
    if (existing != null) return existing;
    Block entry = region.entryBlock();
    Builder b = new Builder(context);
    if (entry.front() == null) b.atEnd(entry);
    else b.before(entry.front());
    b.setListener(rewriter.listener());
    Operation created = dialect.materializeConstant(b, value, type, near.location());
    if (created == null) return null;
    String ns = created.dialectNamespace();
    Key createdKey = new Key(ns, value, type);
    Operation dup = scope.get(createdKey);
    if (dup != null) {
      created.erase();
      return dup;
    }
    scope.put(key, created);
    scope.put(createdKey, created);
    owned.add(created);
    return created;
  }
}
