package dev.sol.ir;

/** {@code loc("model.mlir":12:8)}; lines and columns count from 1. */
public record FileLineColLoc(String file, int line, int column) implements Location {
  @Override public String body() { return StringAttr.quote(file) + ":" + line + ":" + column; }
  @Override public FileLineColLoc filePosition() { return this; }
  @Override public String toString() { return "loc(" + body() + ")"; }
}
