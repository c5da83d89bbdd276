package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.AddFOp;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.dialect.vector.FMAOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.ShuffleOp;
import dev.sol.dialect.vector.StoreOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.dialect.vector.TransferWriteOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A product of one row, out (1 x n) = a (1 x k) W^T + init, with a constant W stored n x k
 * (gemm's transB, as fully connected layers come from PyTorch): output j is the dot product of a
 * with row j of W.
 *
 * <p>A block of {@code width} outputs keeps one accumulator per row (lanes along k); the k loop
 * adds a times the rows into them, and a tree of shuffles and adds turns the {@code width}
 * accumulators into one vector of their sums (lane r: row r), which starts from init and is
 * stored. The blocks are independent: on threads they go to the threads whole, so each output
 * is summed in the same order on any number of threads.
 *
 * <p>Where W fits the core's L2 cache ({@link #packs}) it is reordered at compile time
 * ({@link #tiles}) so that a block reads one sequential stream: each k step's {@code width} x
 * {@code width} tile of its rows lies in one piece. Read in place, a block reads {@code width}
 * streams a row apart, and a 256 x 512 layer (an MLP head), resident in L2 from run to run, took
 * 1.9x as long (5.2 against 2.75 us, one core of a Zen 5). Weights that come from L3 or memory
 * gained 5% at most (1000 x 1280, 55 against 58 us), and the reordered copy would be a second
 * copy of them at compile time (VGG-19's 400 MB), so those stay in place.
 */
final class VectorGemv {
  private VectorGemv() {}

  /** Whether {@link #emit} takes a product with a vector of {@code width} lanes (a power of two). */
  static boolean applies(int width) { return width >= 2 && Integer.bitCount(width) == 1; }

  /** Whether W (n x k) goes in {@link #tiles}: it fits in half of the L2 cache (the other half for what the run reads besides). */
  static boolean packs(long n, long k, long l2Bytes) { return n * k * 4 <= l2Bytes / 2; }

  /**
   * W (n x k, stored n x k), a constant, as {@code ceil(n / width) x ceil(k / width) x width x width}:
   * element (block, step, r, j) is W[block * width + r, step * width + j], zero past n or k.
   */
  static DenseElementsAttr tiles(DenseElementsAttr w, int width, long n, long k) {
    long blocks = Math.ceilDiv(n, width), steps = Math.ceilDiv(k, width);
    RankedTensorType type = new RankedTensorType(new long[] {blocks, steps, width, width}, FloatType.F32);
    byte[] src = w.rawData();
    if (w.isSplat()) return DenseElementsAttr.fromRaw(type, src.clone());
    IntBuffer from = GemmPacking.ints(src);
    int[] tiled = new int[Math.toIntExact(blocks * steps * width * width)];
    int[] row = new int[Math.toIntExact(k)];
    for (long j = 0; j < n; j++) {
      from.get(Math.toIntExact(j * k), row, 0, row.length);
      long block = j / width, r = j % width;
      for (long step = 0; step < steps; step++) {
        int count = (int) Math.min(width, k - step * width);
        System.arraycopy(row, (int) (step * width), tiled, Math.toIntExact(((block * steps + step) * width + r) * width), count);
      }
    }
    byte[] packed = new byte[tiled.length * 4];
    GemmPacking.ints(packed).put(tiled);
    return DenseElementsAttr.fromRaw(type, packed);
  }

  /** The product reading W (n x k) in place. */
  static void emit(Loops l, int width, Value a, Value w, long n, long k, Value out, MatMulKernel.TileInit init) {
    emit(l, width, a, n, k, out, init, (block, row0, r, step, col, tail) -> {
      VectorType type = new VectorType(new long[] {width}, FloatType.F32);
      List<Value> at = List.of(r == 0 ? row0 : l.add(row0, l.index(r)), col);
      return tail ? TransferReadOp.create(l.builder(), l.location(), type, w, at, l.constant(0, FloatType.F32), false).result()
          : LoadOp.create(l.builder(), l.location(), type, w, at).result();
    });
  }

  /** The product reading W from {@code tiled}, a buffer of {@link #tiles}. */
  static void emitTiled(Loops l, int width, Value a, Value tiled, long n, long k, Value out, MatMulKernel.TileInit init) {
    emit(l, width, a, n, k, out, init, (block, row0, r, step, col, tail) -> {
      VectorType type = new VectorType(new long[] {width}, FloatType.F32);
      // The tile's zeros past k make a full load right for the last step too.
      return LoadOp.create(l.builder(), l.location(), type, tiled, List.of(block, step, l.index(r), l.index(0))).result();
    });
  }

  /**
   * Where a block reads its rows: row {@code row0 + r}'s vector at column {@code col} (block:
   * row0 / width; step: col / width), reaching past k when {@code tail}.
   */
  @FunctionalInterface
  private interface Rows {
    Value load(Value block, Value row0, int r, Value step, Value col, boolean tail);
  }

  private static void emit(Loops l, int width, Value a, long n, long k, Value out, MatMulKernel.TileInit init, Rows rows) {
    VectorType type = new VectorType(new long[] {width}, FloatType.F32);
    long blocks = n / width;
    // A block's work, for whether threads pay, is the weights it streams (width x k elements),
    // not its k vector FMAs: the product is bound by memory. Counted by its FMAs, ResNet-50's
    // 2048 -> 1000 (8 MB of weights) stayed on one thread, as long on two threads as on one.
    l.parallelForEach(new long[] {blocks}, (long) width * k, iv -> block(l, type, a, rows, iv.getFirst(), width, k, out, init, false));
    if (n % width != 0) block(l, type, a, rows, l.index(blocks), (int) (n % width), k, out, init, true);
  }

  /** Block {@code block}'s outputs, of {@code count} rows (fewer than the lanes only in the last, masked, block). */
  private static void block(Loops l, VectorType type, Value a, Rows rows, Value block, int count, long k, Value out, MatMulKernel.TileInit init,
      boolean masked) {
    Builder b = l.builder();
    Location loc = l.location();
    int width = (int) type.shape()[0];
    Value row0 = l.mul(block, l.index(width));
    Value zero = BroadcastOp.create(b, loc, type, l.constant(0, FloatType.F32)).result();
    List<Value> acc = l.iterate(k / width, new ArrayList<>(java.util.Collections.nCopies(count, zero)), (step, sums) -> {
      Value col = l.mul(step, l.index(width));
      Value x = LoadOp.create(b, loc, type, a, List.of(l.index(0), col)).result();
      for (int r = 0; r < count; r++) sums.set(r, FMAOp.create(b, loc, rows.load(block, row0, r, step, col, false), x, sums.get(r)).result());
      return sums;
    });
    if (k % width != 0) {
      // The last k % width columns, read with zeros past k.
      Value step = l.index(k / width);
      Value col = l.index(k / width * width);
      Value x = TransferReadOp.create(b, loc, type, a, List.of(l.index(0), col), l.constant(0, FloatType.F32), false).result();
      for (int r = 0; r < count; r++) acc.set(r, FMAOp.create(b, loc, rows.load(block, row0, r, step, col, true), x, acc.get(r)).result());
    }
    while (acc.size() < width) acc.add(zero);
    Value result = AddFOp.create(b, loc, sums(l, acc, width), init.vector(l, l.index(0), row0, type, masked)).result();
    if (masked) TransferWriteOp.create(b, loc, result, out, List.of(l.index(0), row0), false);
    else StoreOp.create(b, loc, result, out, List.of(l.index(0), row0));
  }

  /**
   * The {@code width} accumulators' sums as one vector, lane r holding accumulator r's: at each
   * level, pairs of vectors made of blocks of 2h partial sums become one of blocks of h, the first
   * halves of the blocks (of both) added to the second halves.
   */
  private static Value sums(Loops l, List<Value> acc, int width) {
    List<Value> level = acc;
    for (int h = width / 2; h >= 1; h /= 2) {
      List<Value> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        long[] first = new long[width];
        long[] second = new long[width];
        int at = 0;
        for (int source = 0; source < 2; source++) {
          for (int block = 0; block < width; block += 2 * h) {
            for (int j = 0; j < h; j++, at++) {
              first[at] = (long) source * width + block + j;
              second[at] = (long) source * width + block + h + j;
            }
          }
        }
        Value lo = ShuffleOp.create(l.builder(), l.location(), level.get(i), level.get(i + 1), first).result();
        Value hi = ShuffleOp.create(l.builder(), l.location(), level.get(i), level.get(i + 1), second).result();
        next.add(AddFOp.create(l.builder(), l.location(), lo, hi).result());
      }
      level = next;
    }
    return level.getFirst();
  }
}
