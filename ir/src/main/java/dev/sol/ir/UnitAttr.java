package dev.sol.ir;

/** {@code unit}: an attribute whose presence is the information. */
public record UnitAttr() implements Attribute {
  public static final UnitAttr INSTANCE = new UnitAttr();
  @Override public String toString() { return "unit"; }
}
