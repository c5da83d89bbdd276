package dev.sol.ir;

/**
 * Creates operations at an insertion point. Every insertion is reported to the listener,
 * so that rewrite drivers know what changed.
 */
public class Builder {
  /** Told about every operation this builder inserts. */
  public interface Listener {
    void operationInserted(Operation op);
  }

  private final IRContext context;
  private Block block;
  private Operation before;
  private Listener listener;

  public Builder(IRContext context) { this.context = context; }

  public IRContext context() { return context; }

  public void setListener(Listener listener) { this.listener = listener; }

  public Listener listener() { return listener; }

  /** Inserts at the end of {@code b}. */
  public Builder atEnd(Block b) {
    block = b;
    before = null;
    return this;
  }

  /** Inserts before {@code op}. */
  public Builder before(Operation op) {
    block = op.parentBlock();
    before = op;
    return this;
  }

  /** Inserts after {@code op}. */
  public Builder after(Operation op) {
    block = op.parentBlock();
    before = op.nextInBlock();
    return this;
  }

  public Block insertionBlock() { return block; }

  /** Where a builder inserts: before {@code before} in {@code block} (at its end when null). */
  public record InsertionPoint(Block block, Operation before) {}

  /** The current insertion point, to return to after building a nested region. */
  public InsertionPoint insertionPoint() { return new InsertionPoint(block, before); }

  public Builder restore(InsertionPoint point) {
    block = point.block();
    before = point.before();
    return this;
  }

  /** Creates the operation and inserts it at the insertion point, if one is set. */
  public Operation create(OperationState state) {
    return insert(Operation.create(context, state));
  }

  /** Creates an operation and casts it to its registered class. */
  public <T extends Operation> T create(Class<T> type, OperationState state) {
    return type.cast(create(state));
  }

  /**
   * Creates an operation of the class that {@code spec} declares, without looking its name up
   * in the context, and inserts it: what the ops' static {@code create} builders call.
   */
  @SuppressWarnings("unchecked")
  public <T extends Operation> T create(OpSpec spec, OperationState state) {
    return insert((T) spec.instantiate(state));
  }

  public <T extends Operation> T insert(T op) {
    if (block != null) {
      block.insertBefore(op, before);
      if (listener != null) listener.operationInserted(op);
    }
    return op;
  }
}
