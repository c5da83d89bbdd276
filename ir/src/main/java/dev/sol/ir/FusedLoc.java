package dev.sol.ir;

import java.util.List;

/** {@code loc(fused["a", "b":1:2])}, optionally with metadata: {@code fused<"m">[...]}. */
public record FusedLoc(List<Location> locations, Attribute metadata) implements Location {
  public FusedLoc {
    locations = List.copyOf(locations);
  }

  @Override public String body() {
    StringBuilder sb = new StringBuilder("fused");
    if (metadata != null) sb.append('<').append(metadata).append('>');
    sb.append('[');
    for (int i = 0; i < locations.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(locations.get(i).body());
    }
    return sb.append(']').toString();
  }

  @Override public FileLineColLoc filePosition() {
    for (Location l : locations) {
      FileLineColLoc p = l.filePosition();
      if (p != null) return p;
    }
    return null;
  }

  @Override public String toString() { return "loc(" + body() + ")"; }
}
