package dev.sol.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one generic operation. Registered operations are final subclasses that add typed
 * accessors and declare themselves with an {@link OpSpec}; unknown names become
 * {@link UnregisteredOp}.
 */
public abstract class Operation {
  private final String name;
  private final OpSpec spec;
  private Location location;
  private OpOperand[] operands;
  private final OpResult[] results;
  private Block[] successors;
  private final Region[] regions;
  private DictionaryAttr attributes;
  Block parent;
  Operation prev;
  Operation next;
  int orderIndex;

  protected Operation(OperationState state, OpSpec spec) {
    this.name = state.name;
    this.spec = spec;
    this.location = state.location == null ? Location.UNKNOWN : state.location;
    this.operands = new OpOperand[state.operands.size()];
    for (int i = 0; i < operands.length; i++) operands[i] = new OpOperand(this, i, state.operands.get(i));
    this.results = new OpResult[state.resultTypes.size()];
    for (int i = 0; i < results.length; i++) results[i] = new OpResult(this, i, state.resultTypes.get(i));
    this.successors = state.successors.toArray(new Block[0]);
    this.regions = state.regions.toArray(new Region[0]);
    for (Region r : regions) {
      if (r.parent != null) throw new IllegalStateException("region already belongs to an operation");
      r.parent = this;
    }
    this.attributes = state.attributes;
  }

  /**
   * Creates an operation: an instance of the registered class for {@code state.name}, or an
   * {@link UnregisteredOp} when the context knows no such operation.
   */
  public static Operation create(IRContext context, OperationState state) {
    OpSpec spec = context.lookupOp(state.name);
    if (spec == null) return new UnregisteredOp(state);
    return spec.instantiate(state);
  }

  public final String name() { return name; }

  /** The part of the name before the first dot. */
  public final String dialectNamespace() {
    int dot = name.indexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }

  /** The declaration of a registered operation, or null. */
  public final OpSpec spec() { return spec; }

  public final boolean isRegistered() { return spec != null; }

  public final Location location() { return location; }
  public final void setLocation(Location location) { this.location = location; }

  // ---- operands

  public final int numOperands() { return operands.length; }
  public final Value operand(int i) { return operands[i].get(); }
  public final OpOperand opOperand(int i) { return operands[i]; }

  public final List<Value> operands() {
    List<Value> list = new ArrayList<>(operands.length);
    for (OpOperand o : operands) list.add(o.get());
    return list;
  }

  public final List<Type> operandTypes() {
    List<Type> list = new ArrayList<>(operands.length);
    for (OpOperand o : operands) list.add(o.get().type());
    return list;
  }

  public final void setOperand(int i, Value v) { operands[i].set(v); }

  /** Replaces the whole operand list. */
  public final void setOperands(List<? extends Value> values) {
    for (OpOperand o : operands) o.unlink();
    operands = new OpOperand[values.size()];
    for (int i = 0; i < operands.length; i++) operands[i] = new OpOperand(this, i, values.get(i));
  }

  /**
   * The operands of segment {@code segment} for operations whose spec has several variadic
   * operand groups, sized by {@code operand_segment_sizes}; for other operations the
   * segment layout follows from the spec.
   */
  public final List<Value> operandSegment(int segment) {
    int[] range = spec.operandRange(this, segment);
    return operands().subList(range[0], range[0] + range[1]);
  }

  // ---- results

  public final int numResults() { return results.length; }
  public final OpResult result(int i) { return results[i]; }
  public final List<OpResult> results() { return Arrays.asList(results); }

  public final List<Type> resultTypes() {
    List<Type> list = new ArrayList<>(results.length);
    for (OpResult r : results) list.add(r.type());
    return list;
  }

  /** The single result; fails when the operation has not exactly one. */
  public final OpResult result() {
    if (results.length != 1) throw new IllegalStateException("'" + name + "' has " + results.length + " results");
    return results[0];
  }

  // ---- attributes

  public final DictionaryAttr attributes() { return attributes; }
  public final Attribute attribute(String key) { return attributes.get(key); }
  public final void setAttribute(String key, Attribute value) { attributes = attributes.with(key, value); }
  public final void removeAttribute(String key) { attributes = attributes.with(key, null); }
  public final void setAttributes(DictionaryAttr attrs) { attributes = attrs; }

  // ---- regions and successors

  public final int numRegions() { return regions.length; }
  public final Region region(int i) { return regions[i]; }
  public final List<Region> regions() { return Arrays.asList(regions); }

  public final int numSuccessors() { return successors.length; }
  public final Block successor(int i) { return successors[i]; }
  public final List<Block> successors() { return Arrays.asList(successors); }
  public final void setSuccessor(int i, Block b) { successors[i] = b; }

  // ---- structure

  public final Block parentBlock() { return parent; }

  public final Region parentRegion() { return parent == null ? null : parent.parent(); }

  public final Operation parentOp() { return parent == null ? null : parent.parentOp(); }

  public final Operation nextInBlock() { return next; }
  public final Operation prevInBlock() { return prev; }

  /** The closest ancestor (not this) that is an instance of {@code type}, or null. */
  public final <T> T parentOfType(Class<T> type) {
    for (Operation p = parentOp(); p != null; p = p.parentOp()) if (type.isInstance(p)) return type.cast(p);
    return null;
  }

  /** True when this operation is before {@code other} in the same block. */
  public final boolean isBeforeInBlock(Operation other) {
    if (parent == null || parent != other.parent) throw new IllegalArgumentException("operations are not in the same block");
    return parent.orderOf(this) < parent.orderOf(other);
  }

  /** True when {@code other} is this operation or nested inside it. */
  public final boolean isAncestorOf(Operation other) {
    for (Operation o = other; o != null; o = o.parentOp()) if (o == this) return true;
    return false;
  }

  public final void moveBefore(Operation anchor) {
    parent.remove(this);
    anchor.parent.insertBefore(this, anchor);
  }

  /** Unlinks from the parent block, drops operand uses and destroys nested regions. */
  public final void erase() {
    if (parent != null) parent.remove(this);
    dropAllReferences();
  }

  /** Drops every use this operation and its nested operations make. */
  public final void dropAllReferences() {
    for (OpOperand o : operands) o.unlink();
    for (Region r : regions) for (Block b : r.blocks()) for (Operation op : b) op.dropAllReferences();
  }

  /** Post-order walk: nested operations first, then this one. */
  public final void walk(Consumer<Operation> visitor) {
    for (Region r : regions) {
      for (Block b : r.blocks()) {
        Operation op = b.front();
        while (op != null) {
          Operation nextOp = op.next;
          op.walk(visitor);
          op = nextOp;
        }
      }
    }
    visitor.accept(this);
  }

  /**
   * Pre-order walk: this operation first, then nested ones. As in {@link #walk}, the next
   * operation is taken before an operation is visited, so the visitor may erase the one it
   * visits (without copying each block's list: walks run over every op of a network, often).
   */
  public final void walkPreOrder(Consumer<Operation> visitor) {
    visitor.accept(this);
    for (Region r : regions) {
      for (Block b : r.blocks()) {
        Operation op = b.front();
        while (op != null) {
          Operation nextOp = op.next;
          op.walkPreOrder(visitor);
          op = nextOp;
        }
      }
    }
  }

  /**
   * A deep copy (regions included) with operands remapped through {@code mapping}; the
   * results of the copy are added to the mapping. The copy is not inserted anywhere.
   */
  public final Operation clone(IRMapping mapping) {
    OperationState state = new OperationState(name, location);
    for (Value v : operands()) state.operands.add(mapping.lookup(v));
    state.resultTypes.addAll(resultTypes());
    state.attributes = attributes;
    for (Block s : successors) state.successors.add(mapping.lookup(s));
    for (Region r : regions) {
      Region copy = state.addRegion();
      for (Block b : r.blocks()) {
        Block nb = copy.addBlock();
        mapping.map(b, nb);
        for (BlockArgument a : b.arguments()) mapping.map(a, nb.addArgument(a.type(), a.location()));
      }
      for (Block b : r.blocks()) {
        Block nb = mapping.lookup(b);
        for (Operation inner : b) nb.append(inner.clone(mapping));
      }
    }
    Operation copy = spec == null ? new UnregisteredOp(state) : spec.instantiate(state);
    for (int i = 0; i < results.length; i++) mapping.map(results[i], copy.result(i));
    return copy;
  }

  /** Op-specific invariants beyond what the spec and traits check; report through {@code diag}. */
  public boolean verify(Diagnostics diag) { return true; }

  /** Emits an error prefixed with {@code 'name' op}, as MLIR's emitOpError. */
  public final Diagnostic opError(String message) {
    return Diagnostic.error(location, "'" + name + "' op " + message);
  }

  @Override public String toString() { return "'" + name + "' at " + location; }
}
