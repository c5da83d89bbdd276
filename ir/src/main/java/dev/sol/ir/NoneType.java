package dev.sol.ir;

/** {@code none}: the unit type. */
public record NoneType() implements Type {
  public static final NoneType INSTANCE = new NoneType();
  @Override public String toString() { return "none"; }
}
