package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.arith.ConstantOp;
import dev.sol.dialect.scf.ForOp;
import dev.sol.dialect.scf.IfOp;
import dev.sol.dialect.memref.AllocaOp;
import dev.sol.dialect.memref.PrefetchOp;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.dialect.vector.FMAOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.StoreOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.dialect.vector.TransferWriteOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The loop nest of a register-tiled f32 matrix product C (m x n) = A (m x k) B (k x n) on
 * packed A and packed or row-major B (see {@link GemmPacking}), in BLIS's order: blocks of B panels (L3), blocks
 * of k (the kc rows of a micro-panel), blocks of A panels (L2), then each B panel, each A panel
 * and the micro-kernel. The micro-kernel holds an mr x nr tile of C in {@code mr * nv} vectors
 * carried through the k loop as iter_args: per k it loads nv vectors of the B panel, broadcasts
 * each of the mr values of the A panel and accumulates with {@code vector.fma}. The first block
 * of k starts from the tile's initial value (zeros or a bias), later ones from C. The last A
 * panel may have fewer rows (a lower tile), the last B panel fewer columns (fewer vectors, the
 * last one written with a masked {@code vector.transfer_write}).
 */
final class MatMulKernel {
  /**
   * Values of k per iteration of the micro-kernel's loop. One value is 12 FMAs on AVX2, with
   * two B loads and six broadcasts; LLVM's unroller does not run (Targets.optimize: it
   * duplicated whole micro-kernels). Four per iteration made 3 x 3 convolutions 6-13% faster
   * and whole networks 5-9% (AVX2, Zen 3: ResNet-50 0.91-0.94, MobileNet-v2 0.94, the OCR CNN
   * 0.94); eight were no faster than four.
   */
  static final int K_UNROLL = 4;

  /** The bytes of a cache line. */
  static final int LINE_BYTES = 64;

  /** The value a tile's vector starts from, for the rows and columns from (row, col); {@code masked} when it runs past n. */
  @FunctionalInterface
  interface TileInit {
    Value vector(Loops l, Value row, Value col, VectorType type, boolean masked);
  }

  /** Where the micro-kernel reads B: at row k, the vector {@code column} lanes into B panel {@code panel}; {@code masked} when it runs past n. */
  @FunctionalInterface
  interface BSource {
    Value vector(Loops l, Value panel, Value k, long column, VectorType type, boolean masked);
  }

  /** Where the micro-kernel reads A: the value at row {@code row} of A panel {@code panel} (mr rows each) and column k. */
  @FunctionalInterface
  interface ASource {
    Value scalar(Loops l, Value panel, Value k, int row);
  }

  /**
   * A packed in panels by {@link GemmPacking#packA} (or {@link GemmPacking#packConstantAGroups}),
   * the product's panel 0 at panel {@code first} of {@code packed} (null: 0): the mr values of
   * one k next to each other, the panels one after the other.
   */
  record PackedA(Value packed, Value first) implements ASource {
    @Override public Value scalar(Loops l, Value panel, Value k, int row) { return l.load(packed, List.of(at(l, panel), k, l.index(row))); }

    /** Asks for the cache line that holds column k of A panel {@code panel}. */
    void prefetch(Loops l, Value panel, Value k) {
      PrefetchOp.read(l.builder(), l.location(), packed, List.of(at(l, panel), k, l.index(0)));
    }

    private Value at(Loops l, Value panel) { return first == null ? panel : l.add(panel, first); }
  }

  /**
   * The ranges of k [from, to), in order (from0, to0, from1, to1, ...), outside which the tile
   * of A panel {@code aPanel} and B panel {@code bPanel} multiplies only zeros: its
   * micro-kernel multiplies only there, adding the terms in the order of k as without them. A
   * convolution's padding makes whole taps zero for every pixel of a panel (the top row of the
   * image under the kernel's top row).
   */
  @FunctionalInterface
  interface KRange {
    Value[] of(Loops l, Value aPanel, Value bPanel);
  }

  /**
   * A packed in panels by {@link GemmPacking#packA} for tiles of {@code s}: the mr values of one
   * k next to each other. Panels packed for other rows than the tile's would be read as wrong
   * values: that is a compiler error, caught here.
   */
  static ASource packedA(Value packedA, KernelShape s) {
    long rows = ((MemRefType) packedA.type()).shape()[2];
    if (rows != s.mr()) throw new IllegalStateException("A panels packed for " + rows + " rows, the kernel's tile has " + s.mr());
    return packedA(packedA);
  }

  /** A packed in panels by {@link GemmPacking#packA}: the mr values of one k next to each other. */
  static ASource packedA(Value packedA) {
    return new PackedA(packedA, null);
  }

  /**
   * A as the rows of an m x k matrix in {@code matrix} at the indices {@code prefix}, read in
   * place: the micro-kernel's mr broadcasts per k come from mr rows, each read along k (MLAS
   * packs only B, too). Packing A cost a pass over it (a tall product with few columns, 4096 x
   * 64 by 512, spent as long packing A as multiplying).
   */
  static ASource rowsA(Value matrix, List<Value> prefix, int mr) {
    return (l, panel, k, row) -> {
      List<Value> idx = new ArrayList<>(prefix);
      idx.add(l.add(l.mul(panel, l.index(mr)), l.index(row)));
      idx.add(k);
      return l.load(matrix, idx);
    };
  }

  /** B packed in panels by {@link GemmPacking#packB}: every vector is whole (the last panel is padded with zeros). */
  static BSource packed(Value packedB) {
    return new Packed(packedB, null);
  }

  /** B packed in panels ({@link #packed}), the product's panel 0 at panel {@code offset} of the buffer (null: 0). */
  record Packed(Value packedB, Value offset) implements BSource {
    @Override public Value vector(Loops l, Value panel, Value k, long column, VectorType type, boolean masked) {
      return LoadOp.create(l.builder(), l.location(), type, packedB, List.of(at(l, panel), k, l.index(column))).result();
    }

    Value at(Loops l, Value panel) { return offset == null ? panel : l.add(panel, offset); }

    Packed from(Loops l, Value panel) { return new Packed(packedB, offset == null ? panel : l.add(offset, panel)); }

    long panels() { return ((MemRefType) packedB.type()).shape()[0]; }
  }

  /** B as the rows of a k x n matrix in {@code matrix} at the indices {@code prefix}, panels {@code nr} columns wide; past n it reads zeros. */
  static BSource rows(Value matrix, List<Value> prefix, int nr) {
    return new Rows(matrix, prefix, nr);
  }

  /** B as the rows of a matrix ({@link #rows}). */
  record Rows(Value matrix, List<Value> prefix, int nr) implements BSource {
    @Override public Value vector(Loops l, Value panel, Value k, long column, VectorType type, boolean masked) {
      List<Value> idx = at(l, panel, k, column);
      if (!masked) return LoadOp.create(l.builder(), l.location(), type, matrix, idx).result();
      return TransferReadOp.create(l.builder(), l.location(), type, matrix, idx, l.constant(0, type.element()), false).result();
    }

    /** Asks for the cache line of row k, column {@code column} of B panel {@code panel} into L2 (the micro-kernels do, ahead of the panel's copy). */
    void prefetch(Loops l, Value panel, Value k, Value column) {
      PrefetchOp.read(l.builder(), l.location(), matrix, at(l, panel, k, column), 2);
    }

    private List<Value> at(Loops l, Value panel, Value k, long column) { return at(l, panel, k, l.index(column)); }

    private List<Value> at(Loops l, Value panel, Value k, Value column) {
      List<Value> idx = new ArrayList<>(prefix);
      idx.add(k);
      idx.add(l.add(l.mul(panel, l.index(nr)), column));
      return idx;
    }
  }

  /**
   * B as the implicit column matrix of a convolution without dilation, read from the shifted
   * copies of the image in {@code shifted} (see {@code VectorConv.shiftedRows}): row k of B is
   * the copy's run that starts at {@code rowOffsets[k]} (a compile-time table, one load per k
   * where computing the offset from k took six divisions by constants), its column q at q
   * further on; every row starts {@code first} elements further on (null: 0) where the copies
   * are one thread's slot of a larger buffer ({@code VectorConv.pooledRows}). Vectors past the
   * last column read on into the buffer's slack.
   */
  record ShiftedRows(Value shifted, Value rowOffsets, int nr, Value first) implements BSource {
    ShiftedRows(Value shifted, Value rowOffsets, int nr) { this(shifted, rowOffsets, nr, null); }

    @Override public Value vector(Loops l, Value panel, Value k, long column, VectorType type, boolean masked) {
      return LoadOp.create(l.builder(), l.location(), type, shifted, List.of(at(l, panel, k, column))).result();
    }

    /** Asks for the cache line of row k, column {@code column} of B panel {@code panel} ahead of its copy. */
    void prefetch(Loops l, Value panel, Value k, long column) {
      PrefetchOp.read(l.builder(), l.location(), shifted, List.of(at(l, panel, k, column)));
    }

    private Value at(Loops l, Value panel, Value k, long column) {
      Value start = l.indexCast(l.load(rowOffsets, List.of(k)));
      if (first != null) start = l.add(start, first);
      return l.add(start, l.add(l.mul(panel, l.index(nr)), l.index(column)));
    }
  }

  /**
   * A B source whose full panels the kernel copies, one block of k at a time, into a contiguous
   * scratch panel before the A panels read it: for sources whose rows lie far apart, often off
   * vector alignment ({@link ShiftedRows}, a 1x1 convolution's image rows), where each k of a
   * panel read a vector from a row (a page, or two cache lines) of its own.
   */
  record PanelCopied(BSource source) implements BSource {
    @Override public Value vector(Loops l, Value panel, Value k, long column, VectorType type, boolean masked) {
      return source.vector(l, panel, k, column, type, masked);
    }
  }

  /**
   * What happens to a finished vector of C before it is stored: the element-wise ops fused
   * after the product (an activation, a residual add), while the tile is still in registers.
   * {@code at} are the output indices of the vector's first lane. Kernels without vectors of
   * their own ({@link DepthwiseConv}) pass one element, with a null {@code type}.
   */
  @FunctionalInterface
  interface Epilogue {
    Value apply(Loops l, List<Value> at, Value acc, VectorType type, boolean masked);

    /** Whether the epilogue reads a tensor of its own (a residual) at the places it writes, and asks for its lines in {@link #prefetch}. */
    default boolean reads() { return false; }

    /** Asks for the line of what the epilogue reads at output indices {@code at} (see {@link #reads}). */
    default void prefetch(Loops l, List<Value> at) {}

    /** This epilogue for a kernel that indexes its output otherwise: {@code indices} maps that kernel's indices to this epilogue's. */
    default Epilogue remapped(BiFunction<Loops, List<Value>, List<Value>> indices) {
      Epilogue self = this;
      return new Epilogue() {
        @Override public Value apply(Loops l, List<Value> at, Value acc, VectorType type, boolean masked) {
          return self.apply(l, indices.apply(l, at), acc, type, masked);
        }

        @Override public boolean reads() { return self.reads(); }

        @Override public void prefetch(Loops l, List<Value> at) { self.prefetch(l, indices.apply(l, at)); }
      };
    }
  }

  /**
   * How many A panels ahead a tile asks for the lines its epilogue will read ({@link
   * Epilogue#prefetch}): the rows of the tile that many A panels further down the same columns.
   * A residual's rows are output channels a plane apart, too many streams for the hardware
   * prefetchers, and read cold it cost a 1 x 1 convolution 64 -> 256 at 56 x 56 with a residual
   * add a fifth of its time (0.61 ms warm, 0.74 with 8 MB written before each run, 0.85 with
   * 64 MB; 0.55-0.57 without the add). Asked for 3 panels ahead, that layer took 0.93-0.97 of
   * its time cold (1: 0.97-0.98, 2: 0.97, 4: 0.96, 6: 0.98-0.99); deployed A/B on one thread:
   * ResNet-50 0.986, ResNet-18 0.985, ResNeXt-50 0.991, MobileNet-v2 0.998; two threads within
   * noise (ResNet-50 0.999, MobileNet-v2 0.995).
   */
  static final int EPILOGUE_AHEAD = 3;

  /** Tiles that start from zero: a plain product. */
  static final TileInit ZERO = (l, row, col, type, masked) ->
      BroadcastOp.create(l.builder(), l.location(), type, l.constant(0, type.element())).result();

  private final Loops l;
  private final Builder b;
  private final Location loc;
  private final KernelShape s;
  private final long m;
  private final long n;
  private final long k;
  private final ASource aSource;
  private final BSource bSource;
  private final Value out;
  private final List<Value> outPrefix;
  private final TileInit init;
  private final Value colOffset;
  private final Epilogue epilogue;
  private final VectorType vt;
  private final GemmThreads threads;
  private final KRange kRange;
  private final long subPanels;

  private MatMulKernel(Loops l, GemmThreads threads, long m, long n, long k, ASource aSource, KRange kRange, BSource bSource, Value out,
      List<Value> outPrefix, TileInit init, Value colOffset, Epilogue epilogue) {
    this.l = l;
    this.b = l.builder();
    this.loc = l.location();
    this.threads = threads;
    this.s = threads.shape();
    this.m = m;
    this.n = n;
    this.k = k;
    this.aSource = aSource;
    this.kRange = kRange;
    this.bSource = bSource;
    this.out = out;
    this.outPrefix = outPrefix;
    this.init = init;
    this.colOffset = colOffset;
    this.epilogue = epilogue;
    this.vt = new VectorType(new long[] {s.width()}, FloatType.F32);
    this.subPanels = subBlockPanels(s, m, n, k, bSource instanceof PanelCopied && copiesPanels(s, m));
  }

  /**
   * Writes C = A B (from {@code init}'s starting values) into the matrix of {@code out} at the
   * indices {@code outPrefix}, from A packed as {@link GemmPacking} does and B read from {@code bSource}.
   */
  static void emit(Loops l, KernelShape s, long m, long n, long k, Value packedA, BSource bSource, Value out, List<Value> outPrefix,
      TileInit init) {
    emit(l, s, m, n, k, packedA, bSource, out, outPrefix, init, null, null);
  }

  /**
   * {@link #emit} writing column j of the product to column {@code colOffset} + j of the output
   * (null: 0), each vector passed through {@code epilogue} (null: none) before it is stored.
   */
  static void emit(Loops l, KernelShape s, long m, long n, long k, Value packedA, BSource bSource, Value out, List<Value> outPrefix,
      TileInit init, Value colOffset, Epilogue epilogue) {
    emit(l, s, m, n, k, packedA(packedA, s), bSource, out, outPrefix, init, colOffset, epilogue);
  }

  /** {@link #emit} with A read from {@code aSource}. */
  static void emit(Loops l, KernelShape s, long m, long n, long k, ASource aSource, BSource bSource, Value out, List<Value> outPrefix,
      TileInit init, Value colOffset, Epilogue epilogue) {
    emit(l, s, m, n, k, aSource, null, bSource, out, outPrefix, init, colOffset, epilogue);
  }

  /** {@link #emit} with each A panel multiplied only in its range of k (null: all of k). */
  static void emit(Loops l, KernelShape s, long m, long n, long k, ASource aSource, KRange kRange, BSource bSource, Value out,
      List<Value> outPrefix, TileInit init, Value colOffset, Epilogue epilogue) {
    new MatMulKernel(l, GemmThreads.choose(l, s, m, n, k, bSource instanceof PanelCopied), m, n, k, aSource, kRange, bSource, out, outPrefix, init, colOffset, epilogue).nest();
  }

  /**
   * The loops around the micro-kernel. On one thread: B panel blocks, k blocks, A panel blocks.
   * With threads the loop that they split is the outermost, so that the product is one parallel
   * region: each thread owns its rows (or columns) of C through every block of k, and no
   * thread waits for the others between blocks (a region per block of k made ResNet-50's
   * convolutions wait at a barrier two or three times each).
   */
  private void nest() {
    long pm = (m + s.mr() - 1) / s.mr();
    long pn = (n + s.nr() - 1) / s.nr();
    if (threads.rows()) {
      blocks(pm, s.mcPanels(), true, ic -> blocks(pn, s.ncPanels(), jc -> blocks(k, s.kc(), pc -> block(ic, jc, pc))));
    } else {
      blocks(pn, s.ncPanels(), threads.columns(), jc -> blocks(k, s.kc(), pc -> blocks(pm, s.mcPanels(), ic -> block(ic, jc, pc))));
    }
  }

  /** The block of C at A panel block {@code ic} and B panel block {@code jc}, over the block of k from {@code pc}. */
  private void block(Value ic, Value jc, Value pc) {
    long pm = (m + s.mr() - 1) / s.mr();
    long pnFull = n / s.nr();
    long pn = (n + s.nr() - 1) / s.nr();
    int nTail = (int) (n % s.nr());
    boolean oneBlock = k <= s.kc();
    Value kEnd = oneBlock ? l.index(k) : l.minsi(l.add(pc, l.index(s.kc())), l.index(k));
    Value first = oneBlock ? null : l.cmp(CmpIPredicate.EQ, pc, l.index(0));
    Value last = oneBlock || epilogue == null ? null : l.cmp(CmpIPredicate.EQ, kEnd, l.index(k));
    Tile full = new Tile(s.nv(), s.width(), pc, kEnd, first, last);
    if (subPanels > 0) subBlocks(ic, jc, pm, pnFull, full);
    else panelRange(jc, s.ncPanels(), pnFull, jp -> rows(ic, pm, jp, full, panelSource(jp, pc, kEnd)));
    if (nTail > 0) {
      Tile narrow = new Tile((nTail + s.width() - 1) / s.width(), nTail - (nTail - 1) / s.width() * s.width(), pc, kEnd, first, last);
      inLastBlock(jc, s.ncPanels(), pn, () -> rows(ic, pm, l.index(pnFull), narrow, bSource));
    }
  }

  /**
   * The columns of one B panel: vectors, lanes of the last one, the k range of the block, and
   * whether it is the first block and the last (null: there is only one block, or no epilogue).
   */
  private record Tile(int nv, int lastLanes, Value kBegin, Value kEnd, Value firstBlock, Value lastBlock) {}

  /** Every A panel of the block from {@code ic} against B panel {@code jp}: full panels, then the lower last one. */
  private void rows(Value ic, long pm, Value jp, Tile t, BSource bs) {
    long pmFull = m / s.mr();
    panelRange(ic, s.mcPanels(), pmFull, ip -> tile(s.mr(), ip, jp, t, bs));
    int mrTail = (int) (m % s.mr());
    if (mrTail > 0) inLastBlock(ic, s.mcPanels(), pm, () -> tile(mrTail, l.index(pmFull), jp, t, bs));
  }

  /**
   * B panels per sub-block when the A panels of a block go outside them, or 0 when each B panel
   * goes outside the A panels (BLIS's order). Each B panel meets every A panel of the block in
   * turn, so BLIS's order writes a vector to each of the block's m rows of C before it moves on:
   * with a short k (1 x 1 convolutions: MobileNet-v2's 16 -> 96 at 112 x 112 wrote 96 rows of
   * 4.8 MB, 64 bytes at a time) the product is mostly these writes, far more streams than the
   * hardware prefetchers follow, and the rows of C left the caches between two visits. With the A
   * panels outside, an A panel's tiles write its mr rows along a whole sub-block of B panels,
   * which stays in L2 for the next A panel ({@link KernelShape#subPanels}: short blocks of k
   * only, where the B panels are small). Taken for two A panels or more and four B panels or
   * more per sub-block; a sub-block whose panels are copied is at most the largest panel copy.
   */
  static long subBlockPanels(KernelShape s, long m, long n, long k, boolean copied) {
    if (s.subPanels() == 0 || Math.ceilDiv(m, s.mr()) < 2) return 0;
    long panelBytes = Math.min(k, s.kc()) * s.nr() * 4;
    long panels = Math.min(n / s.nr(), s.subPanels());
    if (copied) panels = Math.min(panels, MAX_PANEL_COPY_BYTES / panelBytes);
    return panels >= 4 ? panels : 0;
  }

  /**
   * The full B panels of the block from {@code jc} in sub-blocks of {@link #subPanels}: in each,
   * every A panel of the block from {@code ic} meets each of its B panels in turn.
   */
  private void subBlocks(Value ic, Value jc, long pm, long pnFull, Tile t) {
    if (pnFull == 0) return;
    Long c = constant(jc);
    if (c != null && c >= pnFull) return;
    Value blockEnd = c != null ? l.index(Math.min(c + s.ncPanels(), pnFull)) : l.minsi(l.add(jc, l.index(s.ncPanels())), l.index(pnFull));
    loop(jc, blockEnd, subPanels, false, jb -> {
      Value end = l.minsi(l.add(jb, l.index(subPanels)), blockEnd);
      BSource bs = subBlockSource(jb, end, t.kBegin(), t.kEnd());
      long pmFull = m / s.mr();
      panelRange(ic, s.mcPanels(), pmFull, ip -> loop(jb, end, 1, false, jp -> tile(s.mr(), ip, jp, t, bs)));
      int mrTail = (int) (m % s.mr());
      if (mrTail > 0) inLastBlock(ic, s.mcPanels(), pm, () -> loop(jb, end, 1, false, jp -> tile(mrTail, l.index(pmFull), jp, t, bs)));
    });
  }

  /**
   * Where the A panels read the B panels [jb, end) for the k block [kBegin, kEnd): the source,
   * or for a {@link PanelCopied} one (with enough A panels) a copy of the sub-block on the stack,
   * made row by row: each row of k is one run along the source's row, which the hardware
   * prefetchers follow.
   */
  private BSource subBlockSource(Value jb, Value end, Value kBegin, Value kEnd) {
    if (!(bSource instanceof PanelCopied copied) || !copiesPanels(s, m)) return bSource;
    long rows = Math.min(k, s.kc());
    Value block = AllocaOp.create(b, loc, new MemRefType(new long[] {rows, subPanels * s.nr()}, FloatType.F32)).result();
    ForOp.create(b, loc, kBegin, kEnd, l.index(1), List.of(), (in, kk, args) -> {
      Value row = l.sub(kk, kBegin);
      loop(jb, end, 1, false, jp -> {
        Value at = l.mul(l.sub(jp, jb), l.index(s.nr()));
        for (int v = 0; v < s.nv(); v++) {
          Value vec = copied.source().vector(l, jp, kk, (long) v * s.width(), vt, false);
          StoreOp.create(b, loc, vec, block, List.of(row, l.add(at, l.index((long) v * s.width()))));
        }
      });
      return List.of();
    });
    return (l2, p, kk, column, type, masked) -> LoadOp.create(l2.builder(), l2.location(), type, block,
        List.of(l2.sub(kk, kBegin), l2.add(l2.mul(l2.sub(p, jb), l2.index(s.nr())), l2.index(column)))).result();
  }

  /**
   * The largest panel copy: it lives on the stack of the calling thread (a Java thread has 1
   * MB, and a deployed library's caller may have less).
   */
  static final long MAX_PANEL_COPY_BYTES = 64 * 1024;

  /**
   * Whether a product of {@code m} rows in tiles of {@code s} copies the panels of a
   * {@link PanelCopied} source: for four A panels or more, where a panel's row is shorter than
   * {@link #IN_PLACE_ROW_BYTES}. One A panel reads each row of B once either way; with three
   * the copy cost more than it saved (MobileNet-v2's 1x1 32 -> 16 at 112 x 112 on AVX2: 0.27
   * ms copied, 0.22 in place).
   */
  static boolean copiesPanels(KernelShape s, long m) {
    return Math.ceilDiv(m, s.mr()) >= 4 && 4L * s.nr() < IN_PLACE_ROW_BYTES;
  }

  /**
   * The shortest row of a B panel that the micro-kernels read in place from rows that lie far
   * apart (an image's planes, the shifted copies' rows) rather than from a copy of the panel:
   * three cache lines, a panel of 48 or more columns on AVX-512, whose rows the L2 streamer
   * follows. On AVX2 (Zen 3), with a line or a line and a half to a row, the copies were needed
   * (1x1 64 -> 256 at 56 x 56 with a residual: 2.06 ms in place, ONNX Runtime 1.16). On Zen 5
   * (AVX-512) they cost more than they saved: deployed A/B against the copies, one thread:
   * SqueezeNet 0.977, MobileNet-v2 0.978, ShuffleNet v2 0.984, MobileNet-v1 0.985, DenseNet-121
   * 0.986, ResNet-50 0.989, Inception-v1 0.993, the U-Net 1.004; two threads SqueezeNet 0.962,
   * MobileNet-v2 0.974, DenseNet-121 0.975, ResNet-50 0.994. (Four lines, which left the panels
   * of 48 columns copied: ResNet-50 1.013.)
   */
  static final long IN_PLACE_ROW_BYTES = 3L * LINE_BYTES;

  /**
   * Where the A panels read B panel {@code jp} for the k block [kBegin, kEnd): the source
   * itself, or for a {@link PanelCopied} one a copy of the panel's rows in a scratch buffer
   * (on the stack of the thread that runs the block), made here once for all the A panels.
   */
  private BSource panelSource(Value jp, Value kBegin, Value kEnd) {
    if (!(bSource instanceof PanelCopied copied)) return bSource;
    long rows = Math.min(k, s.kc());
    if (!copiesPanels(s, m) || rows * s.nr() * 4 > MAX_PANEL_COPY_BYTES) return bSource;
    Value panel = AllocaOp.create(b, loc, new MemRefType(new long[] {rows, s.nr()}, FloatType.F32)).result();
    // The rows of B lie far apart, too many streams for the hardware prefetchers: the next
    // panel's rows are asked for ahead. From the shifted copies, each copy asks for its far
    // cache line (the near one is this panel's last). From a matrix's rows (a 1 x 1
    // convolution's image, rows a plane apart) every line of the next panel goes into L2, asked
    // for by the micro-kernels of the first A panels, one line per k ({@link CopiedPanel}):
    // ResNet-50's 256 -> 64 at 56 x 56 spent 15% of its time in the copy's loads, waiting on
    // L3. Asked for all at once by the copy, many were dropped and the copy still took 13%;
    // spread over the micro-kernels, the layer took 0.95 of that time (deployed A/B, one thread;
    // 0.96 on two).
    ShiftedRows ahead = copied.source() instanceof ShiftedRows shifted ? shifted : null;
    Rows rowsAhead = copied.source() instanceof Rows r && n / s.nr() > 1 ? r : null;
    Value next = ahead == null && rowsAhead == null ? null : l.minsi(l.add(jp, l.index(1)), l.index(n / s.nr() - 1));
    ForOp.create(b, loc, kBegin, kEnd, l.index(1), List.of(), (in, kk, args) -> {
      Value row = l.sub(kk, kBegin);
      if (ahead != null) ahead.prefetch(l, next, kk, s.nr() - 1);
      for (int v = 0; v < s.nv(); v++) {
        Value vec = copied.source().vector(l, jp, kk, (long) v * s.width(), vt, false);
        StoreOp.create(b, loc, vec, panel, List.of(row, l.index((long) v * s.width())));
      }
      return List.of();
    });
    return new CopiedPanel(panel, kBegin, rowsAhead, next);
  }

  /**
   * A B panel copied into {@code panel} (its row 0 is k = kBegin), and where the micro-kernels
   * ask for the next panel's rows ahead: panel {@code next} of {@code rows} (null: nowhere).
   */
  private record CopiedPanel(Value panel, Value kBegin, Rows rows, Value next) implements BSource {
    @Override public Value vector(Loops l, Value p, Value k, long column, VectorType type, boolean masked) {
      return LoadOp.create(l.builder(), l.location(), type, panel, List.of(l.sub(k, kBegin), l.index(column))).result();
    }
  }

  /** One micro-kernel: the mr x (t.nv vectors) tile of C at A panel {@code ip} and B panel {@code jp}, over k in the block. */
  private void tile(int mr, Value ip, Value jp, Tile t, BSource bs) {
    Value row = l.mul(ip, l.index(s.mr()));
    Value col = l.mul(jp, l.index(s.nr()));
    List<Value> start;
    if (t.firstBlock() == null) {
      start = startTile(mr, t, row, col);
    } else {
      List<Type> types = Collections.nCopies(mr * t.nv(), vt);
      start = IfOp.create(b, loc, t.firstBlock(), types, (in, args) -> startTile(mr, t, row, col), (in, args) -> loadTile(mr, t, row, col))
          .results().stream().map(v -> (Value) v).toList();
    }
    List<Value[]> ranges = new ArrayList<>();
    if (kRange == null) {
      ranges.add(new Value[] {t.kBegin(), t.kEnd()});
    } else {
      Value[] bounds = kRange.of(l, ip, jp);
      for (int i = 0; i < bounds.length; i += 2) ranges.add(new Value[] {l.maxsi(t.kBegin(), bounds[i]), l.minsi(t.kEnd(), bounds[i + 1])});
    }
    NextPanel ahead = nextPanelLines(mr, ip, jp, bs);
    PackedA aPacked = aSource instanceof PackedA packed ? packed : null;
    Value aNext = aPacked == null ? null : nextAPanel(mr, ip);
    int aEvery = Math.max(1, LINE_BYTES / (4 * s.mr()));
    if (epilogue != null && epilogue.reads() && t.lastBlock() == null) prefetchEpilogue(ip, col, t);
    // The steps are counted as they are emitted (K_UNROLL of them in the unrolled loop's body,
    // then one in the loop for the rest), and every aEvery-th asks for the next A panel's line.
    int[] steps = {0};
    BiFunction<Value, List<Value>, List<Value>> step = (kk, acc) -> {
      if (aNext != null && steps[0]++ % aEvery == 0) aPacked.prefetch(l, aNext, kk);
      if (ahead != null) for (Value column : ahead.columns()) ahead.lines().prefetch(l, ahead.panel(), kk, column);
      List<Value> bv = new ArrayList<>();
      for (int v = 0; v < t.nv(); v++) bv.add(bs.vector(l, jp, kk, (long) v * s.width(), vt, masked(t, v)));
      List<Value> next = new ArrayList<>(acc);
      for (int r = 0; r < mr; r++) {
        Value a = BroadcastOp.create(b, loc, vt, aSource.scalar(l, ip, kk, r)).result();
        for (int v = 0; v < t.nv(); v++) next.set(r * t.nv() + v, FMAOp.create(b, loc, a, bv.get(v), acc.get(r * t.nv() + v)).result());
      }
      return next;
    };
    // Only full-height tiles are unrolled: the last A panel's lower tile is one of many, and
    // unrolling it too only added code (ShuffleNet and MobileNet-v2 0.99-1.01, AVX2).
    List<Value> sums = start;
    for (Value[] range : ranges) sums = kLoop(range[0], range[1], mr == s.mr() ? K_UNROLL : 1, sums, step);
    List<Value> loop = sums;
    List<Value> finished = new ArrayList<>(loop);
    if (epilogue != null) {
      List<Type> types = Collections.nCopies(mr * t.nv(), vt);
      finished = t.lastBlock() == null ? finish(mr, t, row, col, finished)
          : IfOp.create(b, loc, t.lastBlock(), types, (in, args) -> finish(mr, t, row, col, loop), (in, args) -> new ArrayList<Value>(loop))
              .results().stream().map(v -> (Value) v).toList();
    }
    for (int r = 0; r < mr; r++) {
      for (int v = 0; v < t.nv(); v++) {
        List<Value> at = outIndices(row, col, r, v);
        Value acc = finished.get(r * t.nv() + v);
        if (masked(t, v)) TransferWriteOp.create(b, loc, acc, out, at, false);
        else StoreOp.create(b, loc, acc, out, at);
      }
    }
  }

  /**
   * The A panel whose lines the micro-kernel of A panel {@code ip} asks for as it goes along k,
   * a line every {@code 64 / (4 mr)} steps, or null for none: the next A panel (the last asks
   * for its own), where the product has one B panel and A is packed, so that each A panel is
   * read once, straight from L3 or memory, and the next is the one after it. Winograd's
   * products are so: 16 places of transformed weights, 4 MB for 256 -> 256 channels, each
   * against the 49-64 tiles of a block. Its 256 -> 256 channels at 14 x 14 took 0.87 of its time
   * with caches flushed and 0.92 with them warm (deployed A/B, one thread; 0.88 flushed on two);
   * ResNet-50 0.977-0.983 on one thread and 0.982 on two, VGG-19 0.852 and 0.900. Asking for the
   * next panel in every product with packed A, also those whose A panels meet many B panels and
   * stay in L2, took ResNet-50 1.02 of that. For a tile of A panel {@code ip} of a
   * {@link PackedA}.
   */
  private Value nextAPanel(int mr, Value ip) {
    if (mr != s.mr() || n > s.nr()) return null;
    long pm = Math.ceilDiv(m, s.mr());
    return pm < 2 ? null : l.minsi(l.add(ip, l.index(1)), l.index(pm - 1));
  }

  /** Asks for the cache line of row k, column {@code column} of B panel {@code panel} into L2. */
  @FunctionalInterface
  private interface PanelLines {
    void prefetch(Loops l, Value panel, Value k, Value column);
  }

  /** The lines a micro-kernel asks for at each k: row k of B panel {@code panel} of {@code lines}, a line from each of {@code columns}. */
  private record NextPanel(PanelLines lines, Value panel, List<Value> columns) {}

  /**
   * Where the micro-kernel of A panel {@code ip} and B panel {@code jp} asks for the next
   * B panel's rows ahead, or null for none (a lower tile, B neither {@link Packed} nor a
   * {@link CopiedPanel} of a matrix's rows, one panel). Each of the first nv A panels to
   * meet a B panel (fewer: then each takes several lines) asks for one line of each row of the
   * next panel into L2 (prefetcht1): by the time the A panels move on, the next panel is there.
   * A product whose B is a layer's weights, read once from memory with little reuse (ResNet-50's
   * last stage: 49 pixels, 4 to 9 MB of weights), otherwise multiplied its first A panel against
   * each B panel at the rate memory delivered it, the other A panels at the kernel's: 1 x 1
   * convolutions 2048 -> 512 -> 2048 at 7 x 7 0.92 of their time on one thread and on two,
   * ResNet-50 0.985 on both. (Asking for rows of the panel being multiplied, ahead in k, made the
   * kernel slower: see README, "Profiling".)
   */
  private NextPanel nextPanelLines(int mr, Value ip, Value jp, BSource bs) {
    if (mr != s.mr()) return null;
    PanelLines lines;
    Value next;
    if (bs instanceof Packed packed && packed.panels() >= 2) {
      lines = (l2, panel, kk, column) -> PrefetchOp.read(l2.builder(), l2.location(), packed.packedB(), List.of(panel, kk, column), 2);
      next = l.minsi(packed.at(l, l.add(jp, l.index(1))), l.index(packed.panels() - 1));
    } else if (bs instanceof CopiedPanel copied && copied.rows() != null) {
      lines = copied.rows()::prefetch;
      next = copied.next();
    } else {
      return null;
    }
    long panelsMeeting = Math.max(1, Math.min(Math.min(Math.ceilDiv(m, s.mr()), s.mcPanels()), s.nv()));
    List<Value> columns = new ArrayList<>();
    Value first = panelsMeeting == 1 ? l.index(0) : l.remui(ip, l.index(panelsMeeting));
    for (long j = 0; j < Math.ceilDiv(s.nv(), panelsMeeting); j++) {
      Value line = l.add(first, l.index(j * panelsMeeting));
      if ((j + 1) * panelsMeeting > s.nv()) line = l.minsi(line, l.index(s.nv() - 1));
      columns.add(l.mul(line, l.index(s.width())));
    }
    return new NextPanel(lines, next, columns);
  }

  /**
   * The micro-kernel's loop over k in [kBegin, kEnd), {@code step} applied at each k to the
   * tile's vectors: {@code unroll} steps per iteration, then single steps for what is left
   * (no such loop when the length is a known multiple). Returns the tile after the last k.
   */
  private List<Value> kLoop(Value kBegin, Value kEnd, int unroll, List<Value> start, BiFunction<Value, List<Value>, List<Value>> step) {
    Long from = constant(kBegin), to = constant(kEnd);
    boolean known = from != null && to != null;
    List<Value> acc = start;
    Value restBegin = kBegin;
    if (unroll > 1 && (!known || to - from >= unroll)) {
      Value mainEnd = kEnd;
      if (known && (to - from) % unroll != 0) {
        mainEnd = l.index(from + (to - from) / unroll * unroll);
      } else if (!known) {
        // An empty range (the taps of a tile that reads only padding) stays empty.
        Value length = l.maxsi(l.sub(kEnd, kBegin), l.index(0));
        mainEnd = l.add(kBegin, l.mul(l.divui(length, l.index(unroll)), l.index(unroll)));
      }
      ForOp unrolled = ForOp.create(b, loc, kBegin, mainEnd, l.index(unroll), acc, (in, kk, tile) -> {
        List<Value> next = new ArrayList<>(tile);
        for (int u = 0; u < unroll; u++) next = step.apply(u == 0 ? kk : l.add(kk, l.index(u)), next);
        return next;
      });
      acc = values(unrolled.results());
      if (mainEnd == kEnd) return acc;
      restBegin = mainEnd;
    }
    return values(ForOp.create(b, loc, restBegin, kEnd, l.index(1), acc, (in, kk, tile) -> step.apply(kk, new ArrayList<>(tile))).results());
  }

  private static List<Value> values(List<? extends Value> vs) { return new ArrayList<>(vs); }

  /**
   * Asks for the lines that the epilogue reads for the tile {@link #EPILOGUE_AHEAD} A panels
   * below A panel {@code ip}, at the columns from {@code col}; rows past the last are the last.
   */
  private void prefetchEpilogue(Value ip, Value col, Tile t) {
    Value lastRow = l.index(m - 1);
    Value ahead = l.mul(l.add(ip, l.index(EPILOGUE_AHEAD)), l.index(s.mr()));
    for (int r = 0; r < s.mr(); r++) {
      Value row = l.minsi(l.add(ahead, l.index(r)), lastRow);
      for (int v = 0; v < t.nv(); v++) epilogue.prefetch(l, outIndices(row, col, 0, v));
    }
  }

  /** The tile's vectors through the epilogue. */
  private List<Value> finish(int mr, Tile t, Value row, Value col, List<? extends Value> acc) {
    List<Value> vs = new ArrayList<>();
    for (int r = 0; r < mr; r++) {
      for (int v = 0; v < t.nv(); v++) vs.add(epilogue.apply(l, outIndices(row, col, r, v), acc.get(r * t.nv() + v), vt, masked(t, v)));
    }
    return vs;
  }

  private boolean masked(Tile t, int v) { return v == t.nv() - 1 && t.lastLanes() < s.width(); }

  private List<Value> startTile(int mr, Tile t, Value row, Value col) {
    List<Value> vs = new ArrayList<>();
    for (int r = 0; r < mr; r++) {
      for (int v = 0; v < t.nv(); v++) vs.add(init.vector(l, l.add(row, l.index(r)), l.add(col, l.index((long) v * s.width())), vt, masked(t, v)));
    }
    return vs;
  }

  /** The tile as C holds it after an earlier block of k. */
  private List<Value> loadTile(int mr, Tile t, Value row, Value col) {
    List<Value> vs = new ArrayList<>();
    Value zero = l.constant(0, FloatType.F32);
    for (int r = 0; r < mr; r++) {
      for (int v = 0; v < t.nv(); v++) {
        List<Value> at = outIndices(row, col, r, v);
        vs.add(masked(t, v) ? TransferReadOp.create(b, loc, vt, out, at, zero, false).result() : LoadOp.create(b, loc, vt, out, at).result());
      }
    }
    return vs;
  }

  private List<Value> outIndices(Value row, Value col, int r, int v) {
    List<Value> idx = new ArrayList<>(outPrefix);
    idx.add(l.add(row, l.index(r)));
    Value c = l.add(col, l.index((long) v * s.width()));
    idx.add(colOffset == null ? c : l.add(c, colOffset));
    return idx;
  }

  // ---- loops over blocks and panels

  private void blocks(long total, long step, Consumer<Value> body) { blocks(total, step, false, body); }

  /** Blocks of {@code step} over [0, total), an scf.parallel when {@code parallel}: the body gets each block's start; a single block is no loop at all. */
  private void blocks(long total, long step, boolean parallel, Consumer<Value> body) {
    if (total <= step) {
      body.accept(l.index(0));
      return;
    }
    loop(l.index(0), l.index(total), step, parallel, body);
  }

  /** The panels [start, min(start + size, limit)) of a block. */
  private void panelRange(Value start, long size, long limit, Consumer<Value> body) {
    Long c = constant(start);
    Value end = c != null ? l.index(Math.min(c + size, limit)) : l.minsi(l.add(start, l.index(size)), l.index(limit));
    if (c != null && c >= limit) return;
    loop(start, end, 1, false, body);
  }

  private void loop(Value from, Value to, long step, boolean parallel, Consumer<Value> body) {
    if (parallel) {
      l.parallelFor(from, to, l.index(step), body);
      return;
    }
    ForOp.create(b, loc, from, to, l.index(step), List.of(), (in, iv, args) -> {
      body.accept(iv);
      return List.of();
    });
  }

  /** Runs {@code body} in the last block of {@code size} over [0, total) only: the one the block starting at {@code start} is when it reaches total. */
  private void inLastBlock(Value start, long size, long total, Runnable body) {
    Long c = constant(start);
    if (c != null) {
      if (c + size >= total) body.run();
      return;
    }
    Value last = l.cmp(CmpIPredicate.SGE, l.add(start, l.index(size)), l.index(total));
    IfOp.create(b, loc, last, List.of(), (in, args) -> {
      body.run();
      return List.of();
    }, null);
  }

  private static Long constant(Value v) { return ConstantOp.integerValue(v); }
}
