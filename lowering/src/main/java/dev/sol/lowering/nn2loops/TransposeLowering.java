package dev.sol.lowering.nn2loops;

import dev.sol.dialect.memref.CollapseShapeOp;
import dev.sol.dialect.nn.TransposeOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.ShuffleOp;
import dev.sol.dialect.vector.StoreOp;
import dev.sol.ir.FloatType;
import dev.sol.ir.Value;
import dev.sol.ir.VectorType;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * nn.transpose: a loop nest over the result, reading the input at the permuted indices. When
 * the result's last axis is not the input's, element by element each output read its own
 * input line, a row apart (MLP-Mixer's 196 x 512 token-mixing transpose: 0.13 ms). Then the two
 * axes that trade places (the result's last, and the one that reads along the input's rows)
 * go in square tiles, as many rows as an f32 vector has lanes: on a target with vectors, a
 * tile is that many vector loads along the input's rows, transposed in registers by
 * vector.shuffle (log2(width) rounds that swap the off-diagonal blocks of each pair of rows)
 * and stored as vectors along the result's rows; the partial tiles at the ends, and every tile
 * on a scalar target but a long-vector one, are scalar loops within the tile, whose lines stay
 * in the L1 cache.
 */
public final class TransposeLowering extends NnLowering<TransposeOp> {
  private final TargetDescription target;

  public TransposeLowering(Buffers buffers, TargetDescription target) {
    super(TransposeOp.class, TransposeOp.SPEC, buffers);
    this.target = target;
  }

  /** The side of a scalar tile: 16 floats are a 64-byte line. */
  private static final long SCALAR_TILE = 16;

  @Override protected void lower(TransposeOp op, Loops l, List<Value> in, List<Value> out) {
    long[] perm = op.perm();
    Value x = in.getFirst();
    Value y = out.getFirst();
    long[] ys = shape(y);
    int last = perm.length - 1;
    if (last < 1) {
      l.parallelForEach(ys, 1, iv -> l.store(l.load(x, source(perm, iv)), y, iv));
      return;
    }
    int reads = 0;
    while (perm[reads] != last) reads++;
    int width = target.vectorWidth();
    boolean vectors = width > 1 && Long.bitCount(width) == 1 && element(x).equals(FloatType.F32);
    long tile = vectors ? width : SCALAR_TILE;
    if (vectors && reads == last - 1 && ys[last] >= 2 && ys[last] < width && Long.bitCount(ys[last]) == 1 && ys[reads] >= 2) {
      // Vectors as wide as the rows allow: 4 lanes for rows of 6 (a 2 x 2 interleave of 8 x 6).
      interleaved(l, perm, x, y, ys, (int) Math.min(width, Long.highestOneBit(ys[reads])));
      return;
    }
    // A long-vector machine (the VE) vectorizes the plain nest's long inner loop itself.
    if (reads == last || ys[last] < tile || ys[reads] < tile || !vectors && target.vectorLength() > 0) {
      l.parallelForEach(ys, 1, iv -> l.store(l.load(x, source(perm, iv)), y, iv));
      return;
    }
    Tiles tiles = new Tiles(l, perm, x, y, ys, reads, last, tile);
    if (!vectors) {
      tiles.scalar(Math.ceilDiv(ys[reads], tile), Math.ceilDiv(ys[last], tile), 0, 0);
      return;
    }
    long rows = ys[reads] / tile;
    long columns = ys[last] / tile;
    tiles.inVectors(rows, columns);
    // The partial tiles: the rows past the whole tiles, then the columns past them.
    if (ys[reads] % tile != 0) tiles.scalar(1, Math.ceilDiv(ys[last], tile), rows * tile, 0);
    if (ys[last] % tile != 0) tiles.scalar(rows, 1, 0, columns * tile);
  }

  /**
   * A transpose whose result's last axis is short (s = 2, 4, 8 elements, fewer than a vector)
   * and whose axis before it runs along the input's rows: each result row interleaves s input
   * rows (a DepthToSpace, the phases of a transposed convolution). Element by element, each
   * result element read its own input element (SimpleBaseline's interleave of 256 x 64 x 48
   * floats, 0.56 ms on two threads). Here each width of a result row's s input rows is s vector
   * loads, interleaved in log2(s) rounds of shuffles that pair vector i with vector i + s / 2
   * (the low halves' lanes alternating, then the high halves'), and stored as s vectors along
   * the result's row; the row's last inputs past whole vectors go element by element. Vectors
   * are of {@code width} lanes, a power of two no longer than the input rows.
   */
  private static void interleaved(Loops l, long[] perm, Value x, Value y, long[] ys, int width) {
    int last = ys.length - 1, reads = last - 1;
    int s = (int) ys[last];
    int[][] groups = new int[last][];
    for (int d = 0; d < last - 1; d++) groups[d] = new int[] {d};
    groups[last - 1] = new int[] {last - 1, last};
    Value rows = CollapseShapeOp.create(l.builder(), l.location(), y, groups).result();
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    long[] low = new long[width], high = new long[width];
    for (int j = 0; j < width; j++) {
      low[j] = j / 2 + (j % 2) * width;
      high[j] = width / 2 + j / 2 + (j % 2) * width;
    }
    long whole = ys[reads] / width;
    long[] bounds = java.util.Arrays.copyOf(ys, last);
    bounds[reads] = whole;
    l.parallelForEach(bounds, (long) width * s, iv -> {
      List<Value> at = new ArrayList<>(iv);
      at.set(reads, l.mul(iv.get(reads), l.index(width)));
      List<Value> lines = new ArrayList<>();
      for (int q = 0; q < s; q++) {
        List<Value> e = new ArrayList<>(at);
        e.add(l.index(q));
        lines.add(LoadOp.create(l.builder(), l.location(), vt, x, source(perm, e)).result());
      }
      for (int round = 1; round < s; round *= 2) {
        List<Value> next = new ArrayList<>();
        for (int i = 0; i < s / 2; i++) {
          next.add(ShuffleOp.create(l.builder(), l.location(), lines.get(i), lines.get(i + s / 2), low).result());
          next.add(ShuffleOp.create(l.builder(), l.location(), lines.get(i), lines.get(i + s / 2), high).result());
        }
        lines = next;
      }
      for (int j = 0; j < s; j++) {
        List<Value> e = new ArrayList<>(at.subList(0, reads));
        e.add(l.add(l.mul(at.get(reads), l.index(s)), l.index((long) j * width)));
        StoreOp.create(l.builder(), l.location(), lines.get(j), rows, e);
      }
    });
    if (ys[reads] % width == 0) return;
    long[] rest = ys.clone();
    rest[reads] = ys[reads] % width;
    l.parallelForEach(rest, 1, iv -> {
      List<Value> e = new ArrayList<>(iv);
      e.set(reads, l.add(iv.get(reads), l.index(whole * width)));
      l.store(l.load(x, source(perm, e)), y, e);
    });
  }

  /** The input indices of result element {@code at}. */
  private static List<Value> source(long[] perm, List<Value> at) {
    Value[] src = new Value[perm.length];
    for (int d = 0; d < perm.length; d++) src[(int) perm[d]] = at.get(d);
    return List.of(src);
  }

  /** The tiles of a transpose: result axis {@code reads} reads along the input's rows, result axis {@code last} is the result's rows. */
  private record Tiles(Loops l, long[] perm, Value x, Value y, long[] ys, int reads, int last, long tile) {
    /** The other axes' loops and {@code rows} x {@code columns} tiles from result row {@code row0} and column {@code column0}; the body gets the indices with a tile's first row and column. */
    private void forTiles(long rows, long columns, long row0, long column0, java.util.function.Consumer<List<Value>> body) {
      long[] bounds = ys.clone();
      bounds[reads] = rows;
      bounds[last] = columns;
      l.parallelForEach(bounds, tile * tile, iv -> {
        List<Value> at = new ArrayList<>(iv);
        at.set(reads, l.add(l.mul(iv.get(reads), l.index(tile)), l.index(row0)));
        at.set(last, l.add(l.mul(iv.get(last), l.index(tile)), l.index(column0)));
        body.accept(at);
      });
    }

    /** Tiles element by element, each cut at the result's ends. */
    void scalar(long rows, long columns, long row0, long column0) {
      forTiles(rows, columns, row0, column0, at -> {
        Loops serial = l.serial();
        Value a0 = at.get(reads);
        Value b0 = at.get(last);
        serial.forRange(a0, l.minsi(l.add(a0, l.index(tile)), l.index(ys[reads])), 1, a -> serial.forRange(b0,
            l.minsi(l.add(b0, l.index(tile)), l.index(ys[last])), 1, b -> {
              List<Value> e = new ArrayList<>(at);
              e.set(reads, a);
              e.set(last, b);
              l.store(l.load(x, source(perm, e)), y, e);
            }));
      });
    }

    /** Whole tiles in vectors: {@code tile} loads along the input's rows, transposed by shuffles, {@code tile} stores. */
    void inVectors(long rows, long columns) {
      int width = (int) tile;
      VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
      forTiles(rows, columns, 0, 0, at -> {
        List<Value> lines = new ArrayList<>();
        for (int k = 0; k < width; k++) {
          List<Value> e = new ArrayList<>(at);
          e.set(last, l.add(at.get(last), l.index(k)));
          lines.add(LoadOp.create(l.builder(), l.location(), vt, x, source(perm, e)).result());
        }
        // Each round swaps the h x h blocks off the diagonal of rows i and i + h.
        for (int h = width / 2; h >= 1; h /= 2) {
          long[] low = new long[width];
          long[] high = new long[width];
          for (int j = 0; j < width; j++) {
            low[j] = (j & h) == 0 ? j : width + j - h;
            high[j] = (j & h) == 0 ? j + h : width + j;
          }
          for (int i = 0; i < width; i++) {
            if ((i & h) != 0) continue;
            Value a = lines.get(i);
            Value b = lines.get(i + h);
            lines.set(i, ShuffleOp.create(l.builder(), l.location(), a, b, low).result());
            lines.set(i + h, ShuffleOp.create(l.builder(), l.location(), a, b, high).result());
          }
        }
        for (int k = 0; k < width; k++) {
          List<Value> e = new ArrayList<>(at);
          e.set(reads, l.add(at.get(reads), l.index(k)));
          StoreOp.create(l.builder(), l.location(), lines.get(k), y, e);
        }
      });
    }
  }
}
