package dev.sol.ir;

/** One entry of an attribute dictionary. */
public record NamedAttribute(String name, Attribute value) {
  /** Prints {@code name = value}, or just the name for a unit attribute, as MLIR does. */
  @Override public String toString() {
    String key = Identifiers.isBareId(name) ? name : StringAttr.quote(name);
    return value instanceof UnitAttr ? key : key + " = " + value;
  }
}
