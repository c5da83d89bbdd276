package dev.sol.lowering.nn2loops;

import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Packing of the operands of a matrix product into the panel layouts the micro-kernel reads
 * with unit stride: A (m x k) into {@code memref<PM x k x mr>}, where panel p holds rows
 * {@code p*mr ..} with the {@code mr} values of one k next to each other, and B (k x n) into
 * {@code memref<PN x k x nr>}, panel p holding columns {@code p*nr ..}. The last panel of A may
 * have fewer rows (the kernel for it reads only those); the last panel of B is padded with
 * zeros to whole vectors, so that the kernel loads full vectors and masks only its stores.
 * Packing also applies a transposition (gemm's transA/transB) and a scale (gemm's alpha).
 */
final class GemmPacking {
  private GemmPacking() {}

  /** A matrix operand: a buffer, the indices before its two matrix dimensions, and whether those are swapped. */
  record Matrix(Value memref, List<Value> prefix, boolean transposed) {
    /** The indices of the logical element (row, col). */
    List<Value> at(Value row, Value col) {
      List<Value> idx = new ArrayList<>(prefix);
      idx.add(transposed ? col : row);
      idx.add(transposed ? row : col);
      return idx;
    }
  }

  /** The packed type of A (m x k). */
  static MemRefType typeOfA(KernelShape s, long m, long k) {
    return new MemRefType(new long[] {(m + s.mr() - 1) / s.mr(), k, s.mr()}, FloatType.F32);
  }

  /** The packed type of B (k x n). */
  static MemRefType typeOfB(KernelShape s, long k, long n) {
    return new MemRefType(new long[] {(n + s.nr() - 1) / s.nr(), k, s.nr()}, FloatType.F32);
  }

  /** Packs A (m x k), times {@code alpha}, into {@code into} (of {@link #typeOfA}). */
  static void packA(Loops l, KernelShape s, Matrix a, long m, long k, double alpha, Value into) {
    long full = m / s.mr();
    int tail = (int) (m % s.mr());
    Value scale = alpha == 1 ? null : l.constant(alpha, FloatType.F32);
    Copy copy = (p, kk, r) -> {
      Value x = l.load(a.memref(), a.at(l.add(l.mul(p, l.index(s.mr())), r), kk));
      l.store(scale == null ? x : l.mul(x, scale), into, List.of(p, kk, r));
    };
    // The mr values of one k innermost, written next to each other: the other order would
    // write with a stride of mr, which LLVM turns into scatters (slow on x86).
    panels(l, 0, full, s.mr(), k, true, copy);
    panels(l, full, 1, tail, k, true, copy);
  }

  /** Packs B (k x n) into {@code into} (of {@link #typeOfB}), the last panel padded with zeros to whole vectors. */
  static void packB(Loops l, KernelShape s, Matrix b, long k, long n, Value into) {
    long full = n / s.nr();
    int tail = (int) (n % s.nr());
    Copy copy = (p, kk, c) -> l.store(l.load(b.memref(), b.at(kk, l.add(l.mul(p, l.index(s.nr())), c))), into, List.of(p, kk, c));
    panels(l, 0, full, s.nr(), k, !b.transposed(), copy);
    panels(l, full, 1, tail, k, !b.transposed(), copy);
    int pad = padding(s, tail);
    if (pad > 0) {
      Value zero = l.constant(0, FloatType.F32);
      l.forEach(new long[] {k, pad}, iv -> l.store(zero, into, List.of(l.index(full), iv.get(0), l.add(iv.get(1), l.index(tail)))));
    }
  }

  /** Lanes that pad a last B panel of {@code tail} columns to whole vectors (none without a tail). */
  private static int padding(KernelShape s, int tail) {
    return tail == 0 ? 0 : (tail + s.width() - 1) / s.width() * s.width() - tail;
  }

  /** B (k x n, or n x k when {@code transposed}), a constant, packed at compile time: the value of a constant of {@link #typeOfB}. */
  static DenseElementsAttr packConstantB(KernelShape s, DenseElementsAttr b, boolean transposed, long k, long n) {
    return packConstant(b, typeOfB(s, k, n), s.nr(), k, n, transposed);
  }

  /** A (m x k), a constant, packed at compile time: the value of a constant of {@link #typeOfA}. */
  static DenseElementsAttr packConstantA(KernelShape s, DenseElementsAttr a, long m, long k) {
    return packConstant(a, typeOfA(s, m, k), s.mr(), k, m, true);
  }

  /** A (m x k) stored transposed as k x m (a transposed convolution's weights), a constant, packed at compile time as {@link #packConstantA} does. */
  static DenseElementsAttr packConstantATransposed(KernelShape s, DenseElementsAttr a, long m, long k) {
    return packConstant(a, typeOfA(s, m, k), s.mr(), k, m, false);
  }

  /** Weights (oc x channels x taps) reordered to oc x taps x channels, for the tap-major k. */
  static DenseElementsAttr tapMajor(DenseElementsAttr w, long oc, long channels, long taps) {
    if (w.isSplat()) return w;
    byte[] src = w.rawData();
    byte[] dst = new byte[src.length];
    // One output channel at a time through int arrays: bulk copies in and out and a plain
    // transpose between them (element by element through a VarHandle or arraycopy took most of
    // VGG-19's lowering on the JVM's C1).
    IntBuffer from = ints(src), to = ints(dst);
    int size = Math.toIntExact(channels * taps);
    int[] in = new int[size], out = new int[size];
    for (long o = 0; o < oc; o++) {
      from.get(Math.toIntExact(o * size), in, 0, size);
      for (int c = 0; c < channels; c++) {
        for (int t = 0; t < taps; t++) out[(int) (t * channels + c)] = in[(int) (c * taps + t)];
      }
      to.put(Math.toIntExact(o * size), out, 0, size);
    }
    return DenseElementsAttr.fromRaw(w.type(), dst);
  }

  /**
   * The weights of a grouped convolution, {@code groups} matrices of m x k one after the other in
   * {@code a}, each packed in panels of {@code mr} rows as {@link #packConstantA} does, group after
   * group: {@code groups * panels} x k x mr, where group g's panels start at {@code g * panels}.
   */
  static DenseElementsAttr packConstantAGroups(int mr, DenseElementsAttr a, long groups, long m, long k) {
    return packConstantAGroups(mr, a, groups, m, k, false);
  }

  /** As above, each group's matrix stored transposed (k x m) when {@code transposed}: a grouped transposed convolution's weights. */
  static DenseElementsAttr packConstantAGroups(int mr, DenseElementsAttr a, long groups, long m, long k, boolean transposed) {
    long panels = (m + mr - 1) / mr;
    RankedTensorType type = new RankedTensorType(new long[] {groups * panels, k, mr}, FloatType.F32);
    byte[] src = a.rawData();
    if (a.isSplat()) return DenseElementsAttr.fromRaw(type, src.clone());
    byte[] packed = new byte[Math.toIntExact(groups * panels * k * mr * 4)];
    for (long g = 0; g < groups; g++) pack(src, g * m * k, packed, g * panels * k * mr, panels, mr, k, m, !transposed);
    return DenseElementsAttr.fromRaw(type, packed);
  }

  /**
   * {@code x} packed into {@code t}: element (p, kk, c) is the operand's (kk, p * lanes + c),
   * read from a k x n matrix, or from n x k when {@code laneMajor}; zero past n.
   */
  private static DenseElementsAttr packConstant(DenseElementsAttr x, MemRefType t, int lanes, long k, long n, boolean laneMajor) {
    RankedTensorType type = new RankedTensorType(t.shape(), FloatType.F32);
    byte[] src = x.rawData();
    if (x.isSplat()) return DenseElementsAttr.fromRaw(type, src.clone());
    byte[] packed = new byte[Math.toIntExact(t.numElements() * 4)];
    pack(src, 0, packed, 0, t.shape()[0], lanes, k, n, laneMajor);
    return DenseElementsAttr.fromRaw(type, packed);
  }

  /**
   * {@code panels} panels of {@code lanes} lanes packed into {@code packed} from element {@code to}
   * on, of the matrix in {@code src} from element {@code from} on, as {@link #packConstant} says.
   */
  private static void pack(byte[] src, long from, byte[] packed, long to, long panels, int lanes, long k, long n, boolean laneMajor) {
    IntBuffer source = ints(src), target = ints(packed);
    int[] rows = laneMajor ? new int[Math.toIntExact(lanes * k)] : null;
    int[] panel = laneMajor ? new int[Math.toIntExact(lanes * k)] : null;
    for (long p = 0; p < panels; p++) {
      int width = (int) Math.min(lanes, n - p * lanes);
      if (width <= 0) continue;
      if (laneMajor) {
        // The panel's rows are next to each other in the source: one bulk read, a transpose
        // into the panel (lanes past n stay zero) and one bulk write.
        source.get(Math.toIntExact(from + p * lanes * k), rows, 0, Math.toIntExact(width * k));
        if (width < lanes) java.util.Arrays.fill(panel, 0);
        // (Written in order, read from width rows at once: the lines being read stay in L1.)
        for (int kk = 0; kk < k; kk++) {
          int at = kk * lanes;
          for (int c = 0; c < width; c++) panel[at + c] = rows[(int) (c * k) + kk];
        }
        target.put(Math.toIntExact(to + p * k * lanes), panel, 0, panel.length);
        continue;
      }
      for (long kk = 0; kk < k; kk++) {
        // The panel's lanes of row kk are next to each other in the source: one copy.
        System.arraycopy(src, (int) ((from + kk * n + p * lanes) * 4), packed, (int) ((to + (p * k + kk) * lanes) * 4), width * 4);
      }
    }
  }

  /** The 4-byte elements of a little-endian byte array (the bits of f32 values, copied as they are), for bulk copies. */
  static IntBuffer ints(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
  }

  @FunctionalInterface
  private interface Copy {
    void at(Value panel, Value k, Value lane);
  }

  /**
   * Loops over {@code count} panels from {@code first}, k and {@code lanes} lanes of each;
   * the lanes innermost when {@code laneInner}, else k.
   */
  private static void panels(Loops l, long first, long count, int lanes, long k, boolean laneInner, Copy copy) {
    if (count == 0 || lanes == 0) return;
    long[] bounds = laneInner ? new long[] {count, k, lanes} : new long[] {count, lanes, k};
    l.parallelForEach(bounds, 1, iv -> {
      Value p = first == 0 ? iv.get(0) : l.add(iv.get(0), l.index(first));
      copy.at(p, iv.get(laneInner ? 1 : 2), iv.get(laneInner ? 2 : 1));
    });
  }
}
