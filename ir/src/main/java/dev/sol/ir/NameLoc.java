package dev.sol.ir;

/** {@code loc("conv1")} or {@code loc("conv1"("model.onnx":0:0))}. */
public record NameLoc(String name, Location child) implements Location {
  @Override public String body() {
    return StringAttr.quote(name) + (child instanceof UnknownLoc ? "" : "(" + child.body() + ")");
  }
  @Override public FileLineColLoc filePosition() { return child.filePosition(); }
  @Override public String toString() { return "loc(" + body() + ")"; }
}
