package dev.sol.ir;

/** {@code loc(unknown)}. */
public record UnknownLoc() implements Location {
  public static final UnknownLoc INSTANCE = new UnknownLoc();
  @Override public String body() { return "unknown"; }
  @Override public FileLineColLoc filePosition() { return null; }
  @Override public String toString() { return "loc(unknown)"; }
}
