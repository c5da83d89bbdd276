package dev.sol.ir;

/** {@code index}: a target-sized integer used for sizes and induction variables. */
public record IndexType() implements Type {
  public static final IndexType INSTANCE = new IndexType();
  @Override public String toString() { return "index"; }
}
