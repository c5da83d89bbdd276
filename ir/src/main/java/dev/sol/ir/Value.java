package dev.sol.ir;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/** An SSA value: an operation result or a block argument. Keeps the list of its uses. */
public abstract sealed class Value permits OpResult, BlockArgument {
  private Type type;
  OpOperand firstUse;

  Value(Type type) { this.type = type; }

  public Type type() { return type; }

  public void setType(Type type) { this.type = type; }

  /** The operation that defines this value, or null for a block argument. */
  public abstract Operation definingOp();

  /** The block in which this value is defined. */
  public abstract Block parentBlock();

  public Region parentRegion() {
    Block b = parentBlock();
    return b == null ? null : b.parent();
  }

  public abstract Location location();

  public Iterable<OpOperand> uses() {
    return () -> new Iterator<>() {
      OpOperand next = firstUse;

      @Override public boolean hasNext() { return next != null; }

      @Override public OpOperand next() {
        if (next == null) throw new NoSuchElementException();
        OpOperand u = next;
        next = u.nextUse;
        return u;
      }
    };
  }

  /** The operations using this value, once per use. */
  public List<Operation> users() {
    List<Operation> list = new ArrayList<>();
    for (OpOperand u : uses()) list.add(u.owner());
    return list;
  }

  public boolean hasNoUses() { return firstUse == null; }

  public boolean hasOneUse() { return firstUse != null && firstUse.nextUse == null; }

  public void replaceAllUsesWith(Value replacement) {
    replaceUsesIf(replacement, u -> true);
  }

  public void replaceUsesIf(Value replacement, Predicate<OpOperand> shouldReplace) {
    if (replacement == this) return;
    OpOperand u = firstUse;
    while (u != null) {
      OpOperand next = u.nextUse;
      if (shouldReplace.test(u)) u.set(replacement);
      u = next;
    }
  }
}
