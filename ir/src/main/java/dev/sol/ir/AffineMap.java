package dev.sol.ir;

import java.util.ArrayList;
import java.util.List;

/** {@code (d0, d1)[s0] -> (d1, d0 + s0)}. */
public record AffineMap(int numDims, int numSymbols, List<AffineExpr> results) {
  public AffineMap {
    results = List.copyOf(results);
  }

  public static AffineMap identity(int rank) {
    List<AffineExpr> r = new ArrayList<>();
    for (int i = 0; i < rank; i++) r.add(new AffineExpr.Dim(i));
    return new AffineMap(rank, 0, r);
  }

  public boolean isIdentity() {
    if (numSymbols != 0 || results.size() != numDims) return false;
    for (int i = 0; i < numDims; i++) if (!(results.get(i) instanceof AffineExpr.Dim d && d.position() == i)) return false;
    return true;
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < numDims; i++) sb.append(i > 0 ? ", " : "").append('d').append(i);
    sb.append(')');
    if (numSymbols > 0) {
      sb.append('[');
      for (int i = 0; i < numSymbols; i++) sb.append(i > 0 ? ", " : "").append('s').append(i);
      sb.append(']');
    }
    sb.append(" -> (");
    for (int i = 0; i < results.size(); i++) {
      if (i > 0) sb.append(", ");
      AffineExpr.print(sb, results.get(i), false);
    }
    return sb.append(')').toString();
  }
}
