package dev.sol.ir;

/** {@code loc(callsite("callee" at "caller":1:2))}. */
public record CallSiteLoc(Location callee, Location caller) implements Location {
  @Override public String body() { return "callsite(" + callee.body() + " at " + caller.body() + ")"; }
  @Override public FileLineColLoc filePosition() {
    FileLineColLoc p = callee.filePosition();
    return p != null ? p : caller.filePosition();
  }
  @Override public String toString() { return "loc(" + body() + ")"; }
}
