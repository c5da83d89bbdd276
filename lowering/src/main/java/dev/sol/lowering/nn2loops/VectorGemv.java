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
import java.util.ArrayList;
import java.util.List;

/**
 * A product of one row, out (1 x n) = a (1 x k) W^T + init, with a constant W stored n x k
 * (gemm's transB, as fully connected layers come from PyTorch): output j is the dot product of a
 * with row j of W, so W is read in place, row after row, and never packed. Packing W into the
 * micro-kernel's panels (a transpose) gave the same run time, since one row of A meets every
 * weight once either way, but held a second copy of the weights at compile time (VGG-19: 500 MB).
 *
 * <p>A block of {@code width} outputs keeps one accumulator per row (lanes along k); the k loop
 * adds a times the rows into them, and a tree of shuffles and adds turns the {@code width}
 * accumulators into one vector of their sums (lane r: row r), which starts from init and is
 * stored. The blocks are independent: on threads they go to the threads whole, so each output
 * is summed in the same order on any number of threads.
 */
final class VectorGemv {
  private VectorGemv() {}

  /** Whether {@link #emit} takes a product with a vector of {@code width} lanes (a power of two). */
  static boolean applies(int width) { return width >= 2 && Integer.bitCount(width) == 1; }

  static void emit(Loops l, int width, Value a, Value w, long n, long k, Value out, MatMulKernel.TileInit init) {
    VectorType type = new VectorType(new long[] {width}, FloatType.F32);
    long blocks = n / width;
    // A block's work, for whether threads pay, is the weights it streams (width x k elements),
    // not its k vector FMAs: the product is bound by memory. Counted by its FMAs, ResNet-50's
    // 2048 -> 1000 (8 MB of weights) stayed on one thread, as long on two threads as on one.
    l.parallelForEach(new long[] {blocks}, (long) width * k, iv -> block(l, type, a, w, l.mul(iv.getFirst(), l.index(width)), width, k, out, init, false));
    if (n % width != 0) block(l, type, a, w, l.index(blocks * width), (int) (n % width), k, out, init, true);
  }

  /** Outputs {@code row0 ..} of {@code rows} rows (fewer than the lanes only in the last, masked, block). */
  private static void block(Loops l, VectorType type, Value a, Value w, Value row0, int rows, long k, Value out, MatMulKernel.TileInit init,
      boolean masked) {
    Builder b = l.builder();
    Location loc = l.location();
    int width = (int) type.shape()[0];
    Value zero = BroadcastOp.create(b, loc, type, l.constant(0, FloatType.F32)).result();
    List<Value> rowIndex = new ArrayList<>();
    for (int r = 0; r < rows; r++) rowIndex.add(r == 0 ? row0 : l.add(row0, l.index(r)));
    List<Value> acc = l.iterate(k / width, new ArrayList<>(java.util.Collections.nCopies(rows, zero)), (step, sums) -> {
      Value col = l.mul(step, l.index(width));
      Value x = LoadOp.create(b, loc, type, a, List.of(l.index(0), col)).result();
      for (int r = 0; r < rows; r++) {
        Value row = LoadOp.create(b, loc, type, w, List.of(rowIndex.get(r), col)).result();
        sums.set(r, FMAOp.create(b, loc, row, x, sums.get(r)).result());
      }
      return sums;
    });
    if (k % width != 0) {
      // The last k % width columns, read with zeros past k.
      Value col = l.index(k / width * width);
      Value pad = l.constant(0, FloatType.F32);
      Value x = TransferReadOp.create(b, loc, type, a, List.of(l.index(0), col), pad, false).result();
      for (int r = 0; r < rows; r++) {
        Value row = TransferReadOp.create(b, loc, type, w, List.of(rowIndex.get(r), col), pad, false).result();
        acc.set(r, FMAOp.create(b, loc, row, x, acc.get(r)).result());
      }
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
