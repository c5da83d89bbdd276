package dev.sol.pass.conversion;

import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rewriter of a dialect conversion. New operations are created at once; replacing and
 * erasing are recorded and applied only when the whole conversion succeeds, and every
 * change is journaled so that a failed pattern, or a failed conversion, is rolled back
 * exactly.
 */
public final class ConversionRewriter extends PatternRewriter {
  private sealed interface Change {}

  private record Created(Operation op) implements Change {}

  private record Modified(Operation op, List<Value> operands, DictionaryAttr attributes) implements Change {}

  private record Replaced(Operation op) implements Change {}

  private record Mapped(Value from) implements Change {}

  private record RegionMoved(Region from, Region to, int blocks) implements Change {}

  private record ArgumentRetyped(BlockArgument arg, Type oldType) implements Change {}

  private final List<Change> journal = new ArrayList<>();
  private final Map<Value, Value> mapping = new IdentityHashMap<>();
  private final Set<Operation> replaced = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Operation> replacedInOrder = new ArrayList<>();
  private final List<Operation> created = new ArrayList<>();
  private final Map<Operation, String> failureReasons = new IdentityHashMap<>();

  ConversionRewriter(IRContext context) {
    super(context);
    setListener(new PatternRewriter.Listener() {
      @Override public void operationInserted(Operation op) {
        journal.add(new Created(op));
        created.add(op);
      }
    });
  }

  int checkpoint() { return journal.size(); }

  /** Undoes every change made after {@code checkpoint}, newest first. */
  void rollback(int checkpoint) {
    while (journal.size() > checkpoint) {
      switch (journal.removeLast()) {
        case Created c -> {
          c.op.dropAllReferences();
          if (c.op.parentBlock() != null) c.op.parentBlock().remove(c.op);
          created.remove(c.op);
        }
        case Modified m -> {
          m.op.setOperands(m.operands);
          m.op.setAttributes(m.attributes);
        }
        case Replaced r -> {
          replaced.remove(r.op);
          replacedInOrder.remove(r.op);
        }
        case Mapped m -> mapping.remove(m.from);
        case RegionMoved r -> {
          List<Block> blocks = new ArrayList<>(r.to.blocks().subList(r.to.blocks().size() - r.blocks, r.to.blocks().size()));
          for (Block b : blocks) {
            r.to.remove(b);
            r.from.append(b);
          }
        }
        case ArgumentRetyped a -> a.arg.setType(a.oldType);
      }
    }
  }

  /** The value {@code v} is replaced by, following chains; {@code v} itself when not replaced. */
  public Value lookup(Value v) {
    Value cur = v;
    for (Value next = mapping.get(cur); next != null; next = mapping.get(cur)) cur = next;
    return cur;
  }

  boolean isReplaced(Operation op) { return replaced.contains(op); }

  /** True when {@code op} or an ancestor was replaced or erased (and its region not moved away). */
  boolean isIgnored(Operation op) {
    for (Operation o = op; o != null; o = o.parentOp()) if (replaced.contains(o)) return true;
    return false;
  }

  List<Operation> createdSince(int checkpoint) {
    List<Operation> ops = new ArrayList<>();
    for (int i = checkpoint; i < journal.size(); i++) if (journal.get(i) instanceof Created c) ops.add(c.op);
    return ops;
  }

  /**
   * Records why a pattern does not apply to {@code op} and returns false, for
   * {@code return rewriter.notifyMatchFailure(op, "...")}. When no pattern converts
   * {@code op}, the first reason given is the error reported there, instead of the generic
   * "failed to legalize operation".
   */
  public boolean notifyMatchFailure(Operation op, String reason) {
    failureReasons.putIfAbsent(op, reason);
    return false;
  }

  String failureReason(Operation op) { return failureReasons.get(op); }

  @Override public void replaceOp(Operation op, List<? extends Value> replacement) {
    if (replacement.size() != op.numResults()) {
      throw new IllegalArgumentException("replacing '" + op.name() + "' with " + replacement.size() + " values");
    }
    for (int i = 0; i < replacement.size(); i++) {
      if (replacement.get(i) == null) continue;
      mapping.put(op.result(i), replacement.get(i));
      journal.add(new Mapped(op.result(i)));
    }
    markReplaced(op);
  }

  @Override public void eraseOp(Operation op) { markReplaced(op); }

  private void markReplaced(Operation op) {
    if (replaced.add(op)) {
      replacedInOrder.add(op);
      journal.add(new Replaced(op));
    }
  }

  @Override public void modifyInPlace(Operation op, Runnable change) {
    journal.add(new Modified(op, op.operands(), op.attributes()));
    change.run();
  }

  /** Moves all blocks of {@code from} to the end of {@code to} (typically a new op's region). */
  public void inlineRegionBefore(Region from, Region to) {
    int n = from.blocks().size();
    from.moveBlocksTo(to);
    journal.add(new RegionMoved(from, to, n));
  }

  /** Converts the types of a region's entry block arguments; false when a type has no conversion. */
  public boolean convertRegionTypes(Region region, TypeConverter converter) {
    Block entry = region.entryBlock();
    if (entry == null) return true;
    for (BlockArgument a : entry.arguments()) {
      Type t = converter.convertType(a.type());
      if (t == null) return false;
      if (!t.equals(a.type())) {
        journal.add(new ArgumentRetyped(a, a.type()));
        List<OpOperand> uses = new ArrayList<>();
        a.uses().forEach(uses::add);
        Type old = a.type();
        a.setType(t);
        if (!uses.isEmpty()) {
          if (entry.front() == null) atEnd(entry);
          else before(entry.front());
          Value back = converter.materializeSource(this, old, List.of(a), a.location());
          for (OpOperand u : uses) {
            Operation user = u.owner();
            int idx = u.index();
            journal.add(new Modified(user, user.operands(), user.attributes()));
            user.setOperand(idx, back);
          }
        }
      }
    }
    return true;
  }

  /** Applies the recorded replacements and erasures; called once the conversion succeeded. */
  void commit(TypeConverter converter) {
    for (Operation op : replacedInOrder) {
      for (OpResult r : op.results()) {
        Value to = lookup(r);
        if (to == r) continue;
        List<OpOperand> uses = new ArrayList<>();
        r.uses().forEach(uses::add);
        for (OpOperand u : uses) {
          if (isIgnored(u.owner())) continue;
          Value v = to;
          if (!v.type().equals(r.type())) {
            before(u.owner());
            v = (converter != null ? converter : new TypeConverter()).materializeSource(this, r.type(), List.of(to), r.location());
          }
          u.set(v);
        }
      }
    }
    for (int i = replacedInOrder.size() - 1; i >= 0; i--) {
      Operation op = replacedInOrder.get(i);
      op.dropAllReferences();
    }
    for (int i = replacedInOrder.size() - 1; i >= 0; i--) {
      Operation op = replacedInOrder.get(i);
      if (op.parentBlock() != null) op.parentBlock().remove(op);
    }
    journal.clear();
  }
}
