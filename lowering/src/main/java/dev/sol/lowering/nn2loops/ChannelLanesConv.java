package dev.sol.lowering.nn2loops;

import dev.sol.dialect.memref.CollapseShapeOp;
import dev.sol.dialect.memref.SubViewOp;
import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.dialect.scf.IfOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.StoreOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import dev.sol.lowering.nn2loops.GemmPacking.Matrix;
import java.util.List;

/**
 * A 2-D convolution of {@link VectorConv} with the product turned around, for small images:
 * C^T (pixels x oc) = cols^T (pixels x k) W^T (k x oc), the vector lanes of the register tile
 * running over output channels instead of pixels (the idea of oneDNN's and ONNX Runtime's
 * NCHWc kernels, kept inside one layer). A 7 x 7 image has 49 pixels: as the columns of the
 * tile (64 lanes wide) they leave a quarter of every FMA idle, as its rows (6 high) a tenth;
 * the images of a batch also share one product here. The rows of A (pixels of all images) are
 * packed straight from the input, taps and padding included (the im2col of the transposed
 * product, which costs pixels x k copies against pixels x k x oc multiply-adds); B is the
 * weights, transposed and packed at compile time when they are constants. The product's rows
 * are then copied into the NCHW result one element at a time through the epilogue.
 */
final class ChannelLanesConv {
  private ChannelLanesConv() {}

  /**
   * Whether a convolution for the vector kernels runs faster this way, by a cost model in
   * cycles: the multiply-adds of the tiles (two vector FMAs a cycle) that are not skipped as
   * padding divided by the share of their lanes that do work, plus about a cycle per element
   * that packing copies and one per element copied out (measured on 4 x 32 to 16 x 64 images:
   * packing in vectors made two cycles too many). The usual product (m output channels as
   * rows) has {@code columns} columns per image of which {@code pixels} are output pixels,
   * copies {@code usualCopies} elements per image and multiplies {@code usualKept} of the
   * taps (see {@link VectorConv#keptTaps}); this one packs every pixel of the {@code images}
   * for each of the k taps and channels and multiplies {@code turnedKept} of them. Only images
   * of at most 1024 pixels are tried (larger ones fill the columns anyway) with at most 25 taps
   * (packing unrolls them).
   */
  static boolean better(TargetDescription t, long m, long k, long columns, long usualCopies, long images, long pixels, long taps,
      double usualKept, double turnedKept) {
    if (pixels > 1024 || taps > 25) return false;
    long rows = images * pixels;
    KernelShape usual = KernelShape.choose(t, m, columns, k);
    KernelShape turned = KernelShape.choose(t, rows, m, k);
    double fmas = (double) rows * k * m / (2 * t.vectorWidth());
    double usualCost = fmas * usualKept / (use(m, usual.mr()) * use(columns, usual.nr()) * pixels / columns) + images * usualCopies;
    double turnedCost = fmas * turnedKept / (use(rows, turned.mr()) * use(m, turned.nr())) + (double) rows * k + rows * m;
    return turnedCost < 0.97 * usualCost;
  }

  /** The share of {@code tiles} of {@code size} that {@code n} fills. */
  private static double use(long n, long size) {
    return (double) n / (Math.ceilDiv(n, size) * size);
  }

  /**
   * Lowers {@code op} on the vector kernels with output channels in the lanes, weights packed
   * at compile time when they are the constant {@code weights} (else null), each result
   * element passed through {@code epilogue} (null: none) at output indices [image, channel, pixel].
   */
  static void conv(ConvOp op, ConstantOp weights, Loops l, Value x, Value w, Value bias, Value out, TargetDescription t, Buffers buffers,
      MatMulKernel.Epilogue epilogue) {
    long[] xs = ((MemRefType) x.type()).shape();
    long[] ws = ((MemRefType) w.type()).shape();
    long[] os = ((MemRefType) out.type()).shape();
    long oc = ws[0];
    long taps = ws[2] * ws[3];
    long k = ws[1] * taps;
    long pixels = os[2] * os[3];
    long rows = os[0] * pixels;
    KernelShape s = KernelShape.choose(t, rows, oc, k);
    Builder b = l.builder();
    Value pb;
    // Constant weights are packed with k in tap-major order (tap, channel), so that the taps
    // that are padding for every pixel of a panel form a prefix and a suffix of k that the
    // panel's micro-kernels skip (see ImagePacking.kRange).
    boolean tapMajor = weights != null && taps > 1;
    if (weights != null) {
      DenseElementsAttr wv = tapMajor ? GemmPacking.tapMajor(weights.value(), oc, ws[1], taps) : weights.value();
      pb = buffers.table(l, GemmPacking.packConstantB(s, wv, true, k, oc), op);
    } else {
      pb = l.alloc(GemmPacking.typeOfB(s, k, oc));
      Value matrix = CollapseShapeOp.create(b, l.location(), w, new int[] {0}, new int[] {1, 2, 3}).result();
      GemmPacking.packB(l, s, new Matrix(matrix, List.of(), true), k, oc, pb);
    }
    Value pa = l.alloc(GemmPacking.typeOfA(s, rows, k));
    MatMulKernel.TileInit init = bias == null ? MatMulKernel.ZERO : (in, row, col, type, masked) -> masked
        ? TransferReadOp.create(in.builder(), in.location(), type, bias, List.of(col), in.constant(0, FloatType.F32), false).result()
        : LoadOp.create(in.builder(), in.location(), type, bias, List.of(col)).result();
    // A block of channels at a time, each row of the product read whole along them: down a
    // column, rows of 1024 channels (4 KiB apart) would all fall into one set of the L1 cache.
    long block = oc % t.vectorWidth() == 0 ? t.vectorWidth() : 1;
    long pm = Math.ceilDiv(rows, s.mr());
    long perPart = Math.ceilDiv(pm, l.threads());
    // Threads split the pixels (as GemmThreads would split these rows) unless the weights are
    // the far larger operand, which the threads then split by columns instead.
    if (l.worthParallel((double) rows * oc * k / t.vectorWidth()) && !GemmThreads.bFarLarger(rows, oc) && pm - (l.threads() - 1) * perPart >= 1) {
      ImagePacking packing = ImagePacking.of(op, l, s, x, ws, os, pa, buffers, tapMajor);
      Value product = l.alloc(new MemRefType(new long[] {rows, oc}, FloatType.F32));
      Value planes = CollapseShapeOp.create(b, l.location(), out, new int[] {0}, new int[] {1}, new int[] {2, 3}).result();
      inParts(l, s, packing, pb, product, init, planes, os, oc, k, block, epilogue);
      return;
    }
    ImagePacking packing = ImagePacking.of(op, l, s, x, ws, os, pa, buffers, tapMajor);
    packImage(l, s, packing);
    Value product = l.alloc(new MemRefType(new long[] {rows, oc}, FloatType.F32));
    MatMulKernel.emit(l, s, rows, oc, k, MatMulKernel.packedA(pa), packing.kRange(l.index(0)), MatMulKernel.packed(pb), product, List.of(), init,
        null, null);
    Value planes = CollapseShapeOp.create(b, l.location(), out, new int[] {0}, new int[] {1}, new int[] {2, 3}).result();
    l.parallelForEach(new long[] {os[0], oc / block, pixels, block}, 2, iv -> {
      Value channel = block == 1 ? iv.get(1) : l.add(l.mul(iv.get(1), l.index(block)), iv.get(3));
      copyOut(l, product, l.add(l.mul(iv.get(0), l.index(pixels)), iv.get(2)), planes, List.of(iv.get(0), channel, iv.get(2)), epilogue);
    });
  }

  /**
   * The product on threads, in parts of A panels (pixels): one parallel loop over as many parts
   * as threads, each packing its own panels, multiplying them with all of B into its rows of
   * the product and copying those rows out, so that what a core writes it reads back itself.
   * Packing, product and copy-out as three parallel loops each split the work their own way,
   * and each core read much of what the other had just written.
   */
  private static void inParts(Loops l, KernelShape s, ImagePacking packing, Value pb, Value product, MatMulKernel.TileInit init, Value planes,
      long[] os, long oc, long k, long block, MatMulKernel.Epilogue epilogue) {
    long rows = packing.rows();
    long pixels = os[2] * os[3];
    long pm = Math.ceilDiv(rows, s.mr());
    int parts = l.threads();
    long perPart = Math.ceilDiv(pm, parts);
    long lastPanels = pm - (parts - 1) * perPart;
    long lastRows = rows - (parts - 1) * perPart * s.mr();
    boolean partialPanel = rows % s.mr() != 0;
    Loops serial = l.serial();
    long dyn = ShapedType.DYNAMIC;
    l.parallelFor(l.index(0), l.index(parts), l.index(1), part -> {
      Value p0 = l.mul(part, l.index(perPart));
      Value r0 = l.mul(p0, l.index(s.mr()));
      PartBody body = (panels, partRows, last) -> {
        long full = last && partialPanel ? panels - 1 : panels;
        serial.forEach(new long[] {packing.blocks(), full}, iv -> packing.panel(serial, iv.get(0), l.add(p0, iv.get(1))));
        if (last && partialPanel) packing.tail(serial);
        Value a = SubViewOp.create(l.builder(), l.location(), packing.pa(), new long[] {dyn, 0, 0}, List.of(p0), new long[] {panels, k, s.mr()})
            .result();
        Value c = SubViewOp.create(l.builder(), l.location(), product, new long[] {dyn, 0}, List.of(r0), new long[] {partRows, oc}).result();
        MatMulKernel.emit(serial, s, partRows, oc, k, MatMulKernel.packedA(a), packing.kRange(p0), MatMulKernel.packed(pb), c, List.of(), init,
            null, null);
        serial.forEach(new long[] {oc / block}, cv -> VectorConv.range(serial, r0, l.add(r0, l.index(partRows)), q -> serial.forEach(
            new long[] {block}, bv -> {
              Value channel = block == 1 ? cv.getFirst() : l.add(l.mul(cv.getFirst(), l.index(block)), bv.getFirst());
              copyOut(serial, product, q, planes, List.of(l.divui(q, l.index(pixels)), channel, l.remui(q, l.index(pixels))), epilogue);
            })));
      };
      if (lastPanels == perPart && lastRows == perPart * s.mr()) {
        body.emit(perPart, perPart * s.mr(), true);
        return;
      }
      IfOp.create(l.builder(), l.location(), l.cmp(CmpIPredicate.EQ, part, l.index(parts - 1)), List.of(), (in, args) -> {
        body.emit(lastPanels, lastRows, true);
        return List.of();
      }, (in, args) -> {
        body.emit(perPart, perPart * s.mr(), false);
        return List.of();
      });
    });
  }

  /** Element (row, at[1]) of the product through the epilogue into the result's element {@code at} = [image, channel, pixel]. */
  private static void copyOut(Loops l, Value product, Value row, Value planes, List<Value> at, MatMulKernel.Epilogue epilogue) {
    Value v = l.load(product, List.of(row, at.get(1)));
    if (epilogue != null) v = epilogue.apply(l, at, v, null, false);
    l.store(v, planes, at);
  }

  /** One part's work: {@code panels} A panels of {@code rows} rows; {@code last} for the last part, which holds the partial panel. */
  @FunctionalInterface
  private interface PartBody {
    void emit(long panels, long rows, boolean last);
  }

  /**
   * A (rows x k, rows = the pixels of all images) packed in panels of mr rows:
   * pa[q / mr][(c * kh + i) * kw + j][q % mr] = x[image, c, y * sh + i * dh - ph, z * sw + j * dw - pw]
   * for pixel q = (image * oh + y) * ow + z, zero in the padding. Where each pixel's tap reads
   * is a table made at compile time (the flat offset of channel 0, or -1 in the padding), so
   * that the inner loop over a block of channels has no index arithmetic. Where the mr pixels
   * of a panel read mr consecutive elements under a tap (stride 1, inside the image, one row),
   * which a second table marks with the first one's offset, the panel's row of that tap and
   * channel is one vector copy of mr elements; the others are copied element by element (one
   * element at a time, the packing of a 3 x 3 convolution at 4 x 32 took a quarter of its time).
   * The channels go in blocks of 64, whose cache lines stay in L1 from one panel to the next.
   */
  private static void packImage(Loops l, KernelShape s, ImagePacking packing) {
    long rows = packing.rows();
    long full = rows / s.mr();
    if (full > 0) {
      l.parallelForEach(new long[] {packing.blocks(), full}, s.mr() * packing.taps() * packing.block(), iv -> packing.panel(l, iv.get(0), iv.get(1)));
    }
    if (rows % s.mr() > 0) packing.tail(l);
  }

  /**
   * The packing of the image into A panels (see {@link #packImage}): its tables, made once, and
   * the copy of one full panel for one block of channels, or of the last, partial panel.
   */
  private record ImagePacking(KernelShape s, Value flat, Value pa, Value offsets, Value starts, Value ranges, long[] xs, long taps, long rows,
      long block, boolean tapMajor) {
    static ImagePacking of(ConvOp op, Loops l, KernelShape s, Value x, long[] ws, long[] os, Value pa, Buffers buffers, boolean tapMajor) {
      long[] xs = ((MemRefType) x.type()).shape();
      long taps = ws[2] * ws[3];
      long rows = os[0] * os[2] * os[3];
      long[] table = ChannelLanesConv.offsets(op, xs, ws, os);
      Value offsets = buffers.table(l, DenseElementsAttr.ofLongs(new RankedTensorType(new long[] {taps, rows}, IntegerType.I64), table), op);
      long[] tapRanges = tapMajor ? tapRanges(table, taps, rows, s.mr()) : null;
      Value ranges = null;
      if (tapRanges != null) {
        long[] kRanges = tapRanges.clone();
        for (int i = 0; i < kRanges.length; i++) kRanges[i] *= xs[1];
        ranges = buffers.table(l, DenseElementsAttr.ofLongs(new RankedTensorType(new long[] {kRanges.length / 2, 2}, IntegerType.I64), kRanges), op);
      }
      long full = rows / s.mr();
      Value starts = full == 0 ? null : buffers.table(l, DenseElementsAttr.ofLongs(new RankedTensorType(new long[] {taps, full}, IntegerType.I64),
          consecutive(table, tapRanges, taps, rows, s.mr())), op);
      return new ImagePacking(s, l.flatten(x), pa, offsets, starts, ranges, xs, taps, rows, Math.min(xs[1], 64), tapMajor);
    }

    long blocks() { return Math.ceilDiv(xs[1], block); }

    /** The row of A (the k) of channel c under tap {@code tap}. */
    private Value k(Loops l, Value c, long tap) {
      return tapMajor ? l.add(l.index(tap * xs[1]), c) : l.add(l.mul(c, l.index(taps)), l.index(tap));
    }

    /**
     * The range of k of each A panel, {@code first} the panel that the product's panel 0 is
     * (null when every panel takes all of k): [first valid tap, last valid tap + 1) times the
     * channels, the taps that no pixel of the panel reads inside the image left out.
     */
    MatMulKernel.KRange kRange(Value first) {
      if (ranges == null) return null;
      return (l, panel, bPanel) -> {
        Value p = l.add(first, panel);
        return new Value[] {l.indexCast(l.load(ranges, List.of(p, l.index(0)))), l.indexCast(l.load(ranges, List.of(p, l.index(1))))};
      };
    }

    /** Full panel {@code p} for the channels of block {@code cb}. */
    void panel(Loops l, Value cb, Value p) {
      long plane = xs[2] * xs[3];
      VectorType vt = new VectorType(new long[] {s.mr()}, FloatType.F32);
      Value from = l.mul(cb, l.index(block));
      Value to = l.minsi(l.add(from, l.index(block)), l.index(xs[1]));
      for (long tap = 0; tap < taps; tap++) {
        long t = tap;
        Value start = l.indexCast(l.load(starts, List.of(l.index(tap), p)));
        IfOp.create(l.builder(), l.location(), l.cmp(CmpIPredicate.SGE, start, l.index(0)), List.of(), (in, args) -> {
          VectorConv.range(l, from, to, c -> {
            Value v = LoadOp.create(l.builder(), l.location(), vt, flat, List.of(l.add(start, l.mul(c, l.index(plane))))).result();
            StoreOp.create(l.builder(), l.location(), v, pa, List.of(p, k(l, c, t), l.index(0)));
          });
          return List.of();
        }, (in, args) -> {
          Runnable lanes = () -> l.forEach(new long[] {s.mr()}, rv -> lane(l, cb, p, rv.getFirst(), t));
          if (ranges == null) {
            lanes.run();
          } else {
            // -2: a tap outside the panel's range of k, which its micro-kernels never read.
            IfOp.create(l.builder(), l.location(), l.cmp(CmpIPredicate.EQ, start, l.index(-1)), List.of(), (in2, args2) -> {
              lanes.run();
              return List.of();
            }, null);
          }
          return List.of();
        });
      }
    }

    /** The last panel, of fewer than mr rows. */
    void tail(Loops l) {
      long full = rows / s.mr();
      l.forEach(new long[] {blocks(), rows % s.mr()}, iv -> {
        for (long tap = 0; tap < taps; tap++) lane(l, iv.get(0), l.index(full), iv.get(1), tap);
      });
    }

    /** Lane r of panel p under one tap, for the channels of block cb, element by element. */
    private void lane(Loops l, Value cb, Value p, Value r, long tap) {
      long plane = xs[2] * xs[3];
      Value zero = l.constant(0, FloatType.F32);
      Value q = l.add(l.mul(p, l.index(s.mr())), r);
      Value from = l.mul(cb, l.index(block));
      Value to = l.minsi(l.add(from, l.index(block)), l.index(xs[1]));
      Value offset = l.indexCast(l.load(offsets, List.of(l.index(tap), q)));
      IfOp.create(l.builder(), l.location(), l.cmp(CmpIPredicate.SGE, offset, l.index(0)), List.of(), (in, args) -> {
        VectorConv.range(l, from, to, c -> l.store(l.load(flat, List.of(l.add(offset, l.mul(c, l.index(plane))))), pa, List.of(p, k(l, c, tap), r)));
        return List.of();
      }, (in, args) -> {
        VectorConv.range(l, from, to, c -> l.store(zero, pa, List.of(p, k(l, c, tap), r)));
        return List.of();
      });
    }
  }

  /**
   * Per tap and full panel of mr pixels: the offset that the panel's first pixel reads when its
   * mr pixels read mr consecutive elements under that tap, -2 when the tap lies outside the
   * panel's {@code tapRanges} (null: none), else -1.
   */
  private static long[] consecutive(long[] offsets, long[] tapRanges, long taps, long rows, int mr) {
    long full = rows / mr;
    long[] starts = new long[Math.toIntExact(taps * full)];
    for (long tap = 0; tap < taps; tap++) {
      for (long p = 0; p < full; p++) {
        long first = offsets[Math.toIntExact(tap * rows + p * mr)];
        boolean run = first >= 0;
        for (int r = 1; r < mr && run; r++) run = offsets[Math.toIntExact(tap * rows + p * mr + r)] == first + r;
        boolean outside = tapRanges != null && (tap < tapRanges[(int) (2 * p)] || tap >= tapRanges[(int) (2 * p + 1)]);
        starts[Math.toIntExact(tap * full + p)] = outside ? -2 : run ? first : -1;
      }
    }
    return starts;
  }

  /**
   * Per panel of mr pixels (the last one maybe partial), [first, last + 1) of the taps under
   * which some pixel of the panel reads inside the image; null when that is every tap for every
   * panel. A panel that reads nothing gets [0, 0).
   */
  private static long[] tapRanges(long[] offsets, long taps, long rows, int mr) {
    long panels = Math.ceilDiv(rows, mr);
    long[] ranges = new long[Math.toIntExact(2 * panels)];
    boolean narrower = false;
    for (long p = 0; p < panels; p++) {
      long first = -1;
      long last = -1;
      for (long tap = 0; tap < taps; tap++) {
        boolean read = false;
        for (long q = p * mr; q < Math.min(rows, (p + 1) * mr) && !read; q++) read = offsets[Math.toIntExact(tap * rows + q)] >= 0;
        if (read) {
          if (first < 0) first = tap;
          last = tap;
        }
      }
      ranges[(int) (2 * p)] = first < 0 ? 0 : first;
      ranges[(int) (2 * p + 1)] = first < 0 ? 0 : last + 1;
      narrower |= first != 0 || last != taps - 1;
    }
    return narrower ? ranges : null;
  }

  /** Per tap and pixel q = (image * oh + y) * ow + z: the flat offset in x of what it reads in channel 0, -1 in the padding. */
  private static long[] offsets(ConvOp op, long[] xs, long[] ws, long[] os) {
    long[] st = op.strides();
    long[] dl = op.dilations();
    long[] pd = op.pads();
    long rows = os[0] * os[2] * os[3];
    long[] table = new long[Math.toIntExact(ws[2] * ws[3] * rows)];
    int at = 0;
    for (long i = 0; i < ws[2]; i++) {
      for (long j = 0; j < ws[3]; j++) {
        for (long image = 0; image < os[0]; image++) {
          for (long y = 0; y < os[2]; y++) {
            for (long z = 0; z < os[3]; z++) {
              long iy = y * st[0] + i * dl[0] - pd[0];
              long ix = z * st[1] + j * dl[1] - pd[1];
              boolean inside = iy >= 0 && iy < xs[2] && ix >= 0 && ix < xs[3];
              table[at++] = inside ? (image * xs[1] * xs[2] + iy) * xs[3] + ix : -1;
            }
          }
        }
      }
    }
    return table;
  }
}
