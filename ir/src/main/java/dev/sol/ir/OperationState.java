package dev.sol.ir;

import java.util.ArrayList;
import java.util.List;

/** Everything needed to create an operation; filled by parsers and builders. */
public final class OperationState {
  public final String name;
  public Location location;
  public final List<Value> operands = new ArrayList<>();
  public final List<Type> resultTypes = new ArrayList<>();
  public DictionaryAttr attributes = DictionaryAttr.EMPTY;
  public final List<Block> successors = new ArrayList<>();
  public final List<Region> regions = new ArrayList<>();

  public OperationState(String name, Location location) {
    this.name = name;
    this.location = location;
  }

  public OperationState operands(List<? extends Value> values) {
    operands.addAll(values);
    return this;
  }

  public OperationState operands(Value... values) { return operands(List.of(values)); }

  public OperationState results(List<? extends Type> types) {
    resultTypes.addAll(types);
    return this;
  }

  public OperationState results(Type... types) { return results(List.of(types)); }

  public OperationState attribute(String key, Attribute value) {
    attributes = attributes.with(key, value);
    return this;
  }

  /** Adds an empty region and returns it. */
  public Region addRegion() {
    Region r = new Region();
    regions.add(r);
    return r;
  }

  public OperationState successors(Block... blocks) {
    successors.addAll(List.of(blocks));
    return this;
  }
}
