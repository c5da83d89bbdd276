package dev.sol.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** A list of operations with arguments; in a CFG region the last operation is a terminator. */
public final class Block implements Iterable<Operation> {
  private final List<BlockArgument> arguments = new ArrayList<>();
  Region parent;
  private Operation first;
  private Operation last;
  private int size;
  private boolean orderValid;

  public Region parent() { return parent; }

  public Operation parentOp() { return parent == null ? null : parent.parent; }

  public boolean isEntryBlock() { return parent != null && parent.entryBlock() == this; }

  public List<BlockArgument> arguments() { return Collections.unmodifiableList(arguments); }

  public BlockArgument argument(int i) { return arguments.get(i); }

  public int numArguments() { return arguments.size(); }

  public BlockArgument addArgument(Type type, Location location) {
    BlockArgument a = new BlockArgument(this, arguments.size(), type, location);
    arguments.add(a);
    return a;
  }

  /** Removes an argument that has no uses. */
  public void eraseArgument(int index) {
    BlockArgument a = arguments.get(index);
    if (!a.hasNoUses()) throw new IllegalStateException("erasing a block argument that still has uses");
    arguments.remove(index);
    for (int i = index; i < arguments.size(); i++) arguments.get(i).setIndex(i);
  }

  public boolean isEmpty() { return first == null; }
  public int size() { return size; }
  public Operation front() { return first; }
  public Operation back() { return last; }

  /** The last operation, or null when the block is empty. */
  public Operation terminator() { return last; }

  public void append(Operation op) { insertBefore(op, null); }

  /** Inserts {@code op} before {@code anchor}, or at the end when anchor is null. */
  public void insertBefore(Operation op, Operation anchor) {
    if (op.parent != null) throw new IllegalStateException("operation '" + op.name() + "' is already in a block");
    op.parent = this;
    op.next = anchor;
    op.prev = anchor == null ? last : anchor.prev;
    if (op.prev != null) op.prev.next = op;
    else first = op;
    if (anchor != null) anchor.prev = op;
    else last = op;
    size++;
    orderValid = false;
  }

  /** Unlinks {@code op} from this block without destroying it. */
  public void remove(Operation op) {
    if (op.parent != this) throw new IllegalStateException("operation is not in this block");
    if (op.prev != null) op.prev.next = op.next;
    else first = op.next;
    if (op.next != null) op.next.prev = op.prev;
    else last = op.prev;
    op.prev = op.next = null;
    op.parent = null;
    size--;
  }

  /** The operations of this block as a list snapshot, safe against mutation while iterating. */
  public List<Operation> operations() {
    List<Operation> list = new ArrayList<>(size);
    for (Operation op = first; op != null; op = op.next) list.add(op);
    return list;
  }

  @Override public Iterator<Operation> iterator() {
    return new Iterator<>() {
      Operation next = first;

      @Override public boolean hasNext() { return next != null; }

      @Override public Operation next() {
        if (next == null) throw new NoSuchElementException();
        Operation op = next;
        next = op.next;
        return op;
      }
    };
  }

  int orderOf(Operation op) {
    if (!orderValid) {
      int i = 0;
      for (Operation o = first; o != null; o = o.next) o.orderIndex = i++;
      orderValid = true;
    }
    return op.orderIndex;
  }

  /** The blocks this block's terminator may branch to. */
  public List<Block> successors() {
    return last == null ? List.of() : last.successors();
  }
}
