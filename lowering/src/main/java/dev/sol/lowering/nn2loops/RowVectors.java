package dev.sol.lowering.nn2loops;

import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.ShuffleOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.ir.FloatType;
import dev.sol.ir.Value;
import dev.sol.ir.VectorType;
import dev.sol.lowering.Loops;
import java.util.ArrayList;
import java.util.List;

/**
 * Vectors of consecutive elements of one row of a buffer (its last dimension), zero outside
 * the row, as the direct depthwise kernels read their input rows: the padding is never stored.
 */
final class RowVectors {
  private RowVectors() {}

  /**
   * Elements [column, column + width) of the row {@code row} (the indices before the last) of
   * {@code source}, whose rows are {@code length} long, for {@code column} at least 0: one
   * vector load, masked when it reaches past the row's end, zeros when it starts past it.
   */
  static Value read(Loops l, VectorType vt, Value source, List<Value> row, long length, long column) {
    if (column >= length) return zeros(l, vt);
    List<Value> at = new ArrayList<>(row);
    at.add(l.index(column));
    if (column + vt.shape()[0] <= length) return LoadOp.create(l.builder(), l.location(), vt, source, at).result();
    return TransferReadOp.create(l.builder(), l.location(), vt, source, at, l.constant(0, FloatType.F32), false).result();
  }

  /**
   * Elements [from, from + width) of the row for any {@code from}: where it starts left of the
   * row, the vector read from column 0 moved right by -from lanes, zeros coming in.
   */
  static Value at(Loops l, VectorType vt, Value source, List<Value> row, long length, long from) {
    if (from >= 0) return read(l, vt, source, row, length, from);
    if (-from >= vt.shape()[0]) return zeros(l, vt);
    return shiftRight(l, vt, read(l, vt, source, row, length, 0), -from);
  }

  /** {@code v} moved right by {@code shift} lanes (fewer than the width), zeros coming in at lane 0. */
  static Value shiftRight(Loops l, VectorType vt, Value v, long shift) {
    if (shift == 0) return v;
    int width = (int) vt.shape()[0];
    long[] lanes = new long[width];
    for (int k = 0; k < width; k++) lanes[k] = k < shift ? 0 : width + k - shift;
    return ShuffleOp.create(l.builder(), l.location(), zeros(l, vt), v, lanes).result();
  }

  static Value zeros(Loops l, VectorType vt) {
    return BroadcastOp.create(l.builder(), l.location(), vt, l.constant(0, FloatType.F32)).result();
  }
}
