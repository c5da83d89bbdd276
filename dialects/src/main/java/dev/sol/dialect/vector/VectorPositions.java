package dev.sol.dialect.vector;

import dev.sol.ir.*;
import java.util.Arrays;

/** Verification shared by vector.extract/insert (positions) and transfers (maps). */
final class VectorPositions {
  private VectorPositions() {}

  /** The static {@code position} attribute of extract or insert. */
  static long[] of(Operation op) {
    return ((ArrayAttr) op.attribute("position")).elements().stream().mapToLong(e -> ((IntegerAttr) e).value()).toArray();
  }

  /** {@code position} as an array of i64 attributes. */
  static ArrayAttr attribute(long[] position) {
    java.util.List<Attribute> elements = new java.util.ArrayList<>();
    for (long p : position) elements.add(IntegerAttr.i64(p));
    return new ArrayAttr(elements);
  }

  /** The element type of {@code vector}, or the trailing vector type, {@code depth} dimensions in. */
  static Type sliceType(VectorType vector, int depth) {
    return depth == vector.rank() ? vector.element()
        : new VectorType(Arrays.copyOfRange(vector.shape(), depth, vector.rank()), vector.element());
  }

  /** Checks a static position into {@code vector} and the type of the element or slice at it. */
  static boolean verify(Operation op, Diagnostics diag, VectorType vector, Type slice, String what) {
    ArrayAttr pos = (ArrayAttr) op.attribute("position");
    if (pos.size() > vector.rank()) {
      return diag.report(op.opError("expected position attribute of rank smaller than " + what + " rank"));
    }
    for (int i = 0; i < pos.size(); i++) {
      long p = ((IntegerAttr) pos.get(i)).value();
      if (p < 0 || p >= vector.shape()[i]) {
        return diag.report(op.opError("expected position attribute #" + (i + 1)
            + " to be a non-negative integer smaller than the corresponding " + what + " dimension"));
      }
    }
    Type expected = sliceType(vector, pos.size());
    // MLIR 16 infers the slice without scalable dimensions, and vector.insert checks only ranks,
    // so there a scalable source matches the fixed slice of its shape.
    Type actual = slice instanceof VectorType s && what.equals("dest vector") ? new VectorType(s.shape(), s.element()) : slice;
    if (!actual.equals(expected)) {
      return diag.report(op.opError("expected '" + expected + "' at the position, but got '" + slice + "'"));
    }
    return true;
  }

  /** {@code (d0, ..., d[rank-1]) -> (d[rank-1])}: a 1-D transfer along the last dimension. */
  static AffineMap minorIdentity(int rank) {
    return new AffineMap(rank, 0, java.util.List.of(new AffineExpr.Dim(rank - 1)));
  }

  /** A transfer's {@code in_bounds} flags, false for every dimension when the attribute is absent. */
  static boolean[] inBounds(Operation op, int rank) {
    boolean[] flags = new boolean[rank];
    if (op.attribute("in_bounds") instanceof ArrayAttr a) {
      for (int i = 0; i < rank && i < a.size(); i++) flags[i] = ((IntegerAttr) a.get(i)).value() != 0;
    }
    return flags;
  }

  static boolean verifyTransfer(Operation op, Diagnostics diag, ShapedType source, VectorType vector, int indices) {
    if (indices != source.rank()) return diag.report(op.opError("requires " + source.rank() + " indices"));
    AffineMap map = ((AffineMapAttr) op.attribute("permutation_map")).map();
    if (map.numDims() != source.rank()) {
      return diag.report(op.opError("requires a permutation_map with input dims of the same rank as the source type"));
    }
    if (map.results().size() != vector.rank()) {
      return diag.report(op.opError("requires a permutation_map with result dims of the same rank as the vector type"));
    }
    if (op.attribute("in_bounds") instanceof ArrayAttr b && b.size() != vector.rank()) {
      return diag.report(op.opError("expects the optional in_bounds attr of same rank as permutation_map results"));
    }
    return true;
  }
}
