package dev.sol.lowering.nn2loops;

import dev.sol.dialect.memref.CollapseShapeOp;
import dev.sol.dialect.memref.SubViewOp;
import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.dialect.scf.IfOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.ShuffleOp;
import dev.sol.dialect.vector.StoreOp;
import dev.sol.dialect.vector.TransferWriteOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import dev.sol.lowering.nn2loops.GemmPacking.Matrix;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

/**
 * A 2-D convolution of {@link VectorConv} with the product turned around, for small images:
 * C^T (pixels x oc) = cols^T (pixels x k) W^T (k x oc), the vector lanes of the register tile
 * running over output channels instead of pixels (the idea of oneDNN's and ONNX Runtime's
 * NCHWc kernels, kept inside one layer). A 7 x 7 image has 49 pixels: as the columns of the
 * tile (64 lanes wide) they leave a quarter of every FMA idle, as its rows (6 high) a tenth;
 * the images of a batch also share one product here. The rows of A (pixels of all images) are
 * read in place from the image, or from a copy of it with zero borders when it is padded
 * ({@link ImageRows}): no im2col; B is the weights, transposed and packed at compile time when
 * they are constants. The product's rows are then copied into the NCHW result through the
 * epilogue, by transposed blocks of width pixels by width channels where the channels come in
 * whole vectors ({@link #transposedBlock}), else one element at a time.
 */
final class ChannelLanesConv {
  private ChannelLanesConv() {}

  /**
   * Whether a convolution for the vector kernels runs faster this way, by a cost model in
   * cycles: the multiply-adds of the tiles (two vector FMAs a cycle) that are not skipped as
   * padding divided by the share of their lanes that do work, plus about a cycle per element
   * copied (measured on 4 x 32 to 16 x 64 images: copies in vectors made two cycles too many)
   * and what copying the turned product out costs ({@link #copyOutCycles}). The usual product
   * (m output channels as rows) has {@code columns} columns (an image's pixels, or a block of its output rows after im2col), copies {@code usualCopies}
   * elements per image and multiplies {@code usualKept} of the taps (see
   * {@link VectorConv#keptTaps}); this one copies {@code turnedCopies} elements in all (the
   * padded image, see {@link ImageRows}), multiplies {@code turnedKept} of the taps and copies
   * its product out; when it packs A ({@code packed}, see {@link #packsA}) it copies rows x k
   * elements more and reads A as fast as the usual kernel reads B. When the usual product reads
   * the shifted copies of the image ({@code shifted}) and those outgrow the L2 cache, on one
   * thread it also pays {@link #SHIFTED_ROW_CYCLES} for each row of each B panel it copies out of
   * them. Images of at most 1024 pixels are tried, or {@link #MAX_SHIFTED_PIXELS} against the
   * shifted copies (any size with at most {@link #FEW_CHANNELS} output channels). A dilated
   * convolution ({@code dilated}) is tried at any size: against im2col, which multiplies every
   * tap, the turned product skips the taps that read only padding and reads the image in place
   * (DeepLab's 3 x 3 convolutions of 256 -> 64 channels at 33 x 33, forced turned: dilation 6
   * 0.78, dilation 18 0.56 of im2col's time). Without {@code copiesOut} the product is not
   * copied out ({@link #mean} sums its rows instead, about as the usual result's mean costs).
   */
  static boolean better(TargetDescription t, long m, long k, boolean packed, boolean shifted, boolean dilated, long columns, long usualCopies,
      long images, long pixels, long turnedCopies, double usualKept, double turnedKept, boolean copiesOut) {
    if (pixels > (dilated || shifted && m <= FEW_CHANNELS ? Long.MAX_VALUE : shifted ? MAX_SHIFTED_PIXELS : 1024)) return false;
    long rows = images * pixels;
    KernelShape usual = KernelShape.choose(t, m, columns, k);
    KernelShape turned = KernelShape.choose(t, rows, m, k);
    double fmas = (double) rows * k * m / (2 * t.vectorWidth());
    double panelRows = shifted && t.threads() == 1 && 4 * usualCopies > t.l2Bytes() ? (double) images * Math.ceilDiv(columns, usual.nr()) * k * usualKept : 0;
    double usualCost = fmas * usualKept / (use(m, usual.mr()) * use(columns, usual.nr())) + images * usualCopies + SHIFTED_ROW_CYCLES * panelRows;
    double inPlace = packed ? 1 : turnedCopies > 0 && pixels > 1024 ? blockedA(t) : IN_PLACE_A;
    double turnedCost = inPlace * fmas * turnedKept / (use(rows, turned.mr()) * use(m, turned.nr())) + turnedCopies
        + (packed ? rows * k : 0) + (copiesOut ? copyOutCycles(t, m, images, pixels) : 0);
    return turnedCost < 0.97 * usualCost;
  }

  /**
   * What a row of a B panel read from the shifted copies costs the usual product, in cycles: its
   * rows lie an image plane apart, one cache line each (perf, 64 -> 32 channels at 128 x 128 on
   * AVX2: the panel copies took 18% of the layer, some 12 cycles per row, with 12.8 MB of copies
   * read back from L3). With 4, against the usual product, the turned one was taken (and, forced
   * either way on AVX2, measured faster) for 3 x 3 convolutions with few output channels on
   * large images: 64 -> 32 at 128 x 128 0.87, 128 -> 32 at 56 x 56 (DenseNet-121) 0.84, 192 ->
   * 64 at 64 x 64 0.92; about even for 64 -> 64 at 56 x 56 (0.99); the usual one stays for
   * 16 -> 64 at 55 x 55 and VGG-19's 128 and 256 channels at 112 x 112 and 56 x 56 (turned 0.96, 0.95
   * when forced: a gain the model does not see). Networks on one thread: the U-Net 0.92,
   * DenseNet-121 0.94, ResNet-50, Inception-v1 and SqueezeNet 1.00. Not on two threads, where
   * the turned product goes in parts of pixels: ResNet-50 took 1.03 of its time there (its 64
   * and 128 channels at 56 x 56 and 28 x 28 turned), DenseNet-121 0.96-1.01.
   */
  private static final double SHIFTED_ROW_CYCLES = 4;

  /**
   * The largest image tried against the shifted copies: 128 x 128. At 224 x 224 (VGG-19's 64
   * channels) the turned product, its 12.8 MB written and copied out again, was 2.5% slower
   * when forced, where the model favoured it.
   */
  private static final long MAX_SHIFTED_PIXELS = 128 * 128;

  /**
   * Convolutions with at most this many output channels are tried against the shifted copies on
   * images of any size: there the usual product's B panels, copied out of copies far larger
   * than the caches, cost more than the turned product's transposed result. Forced turned at
   * 224 x 224 on AVX2 (3 x 3, one thread): 128 -> 16 channels 0.79, 64 -> 32 0.88, 32 -> 32
   * 0.95 of the usual product's time, but 64 -> 64 (VGG-19's) 1.02.
   */
  private static final long FEW_CHANNELS = 32;

  /**
   * The turned micro-kernel's multiply-adds cost this much more than the usual one's: it reads A
   * in place, an offset-table load and an address add per pixel and step of k, where the usual
   * kernel loads packed or shifted rows. Measured: the OCR CNN's 3x3 convolution 32 -> 64 at
   * 16 x 64 (1024 pixels, every lane busy either way) ran 198 us turned, 173 us usual, which
   * equal costs had ranked the other way; with 5% the network's other choices stay as measured.
   */
  private static final double IN_PLACE_A = 1.05;

  /**
   * What the turned micro-kernel's multiply-adds cost against the usual one's when it reads A in
   * place from the channel-blocked padded copy ({@link ImageRows#blockedCopy}), on one thread
   * and images of more than 1024 pixels: forced either way on AVX2 (Zen 3), the turned product
   * took 0.95 of the usual one's time for 128 channels at 112 x 112, 0.92 for 256 at 56 x 56 and
   * 0.95-0.99 for 16 -> 64 at 55 x 55, where 1.05 had kept the usual one (VGG-19 0.96,
   * SqueezeNet 0.99). On smaller images, whose shifted copies the usual product reads from L2,
   * turning cost more: the OCR CNN's 32 -> 64 at 16 x 64 1.035, 128 -> 128 at 8 x 32 1.05, 192
   * -> 192 at 4 x 32 1.10. On two threads, where the turned product goes in parts of pixels,
   * forced turned measured 1.02 for 64 channels at 56 x 56 and 1.04 for 256 at 56 x 56 (0.94
   * for 128 at 28 x 28): there {@link #IN_PLACE_A} stays. On AVX-512, {@link #BLOCKED_A_WIDE}.
   */
  private static final double BLOCKED_A = 0.95;

  /**
   * {@link #BLOCKED_A} on AVX-512 (16 lanes), on any number of threads. On Zen 5, forced either
   * way, the turned product on the blocked copy took 0.84-0.88 of the usual one's time for 3 x 3
   * convolutions of 64 channels at 56 x 56 (one and two threads) and 0.85-0.92 for SqueezeNet's
   * 16 -> 64 at 55 x 55, where 0.95, and on two threads 1.05, had kept the usual one. Deployed
   * A/B against 0.95 on one thread only: SqueezeNet 0.97 on one thread and on two, ResNet-50
   * 0.98 on two, VGG-19 0.99; ResNet-50 on one thread, DenseNet-121, the U-Net, the OCR CNN and
   * MobileNet-v2 within 1%.
   */
  private static final double BLOCKED_A_WIDE = 0.85;

  /** What the turned product's multiply-adds cost against the usual one's when it reads the blocked copy on target {@code t}. */
  private static double blockedA(TargetDescription t) {
    if (t.vectorWidth() >= 16) return BLOCKED_A_WIDE;
    return t.threads() == 1 ? BLOCKED_A : IN_PLACE_A;
  }

  /**
   * Whether the turned product of {@code op} (weights {@code ws}, result {@code os}) packs A
   * into panels (pixels x k, {@link ImageRows#pack}) instead of reading it in place, when at
   * least 8 vectors of output channels share the copy: for 1 x 1 convolutions, where the copy
   * is the image itself, and for windows whose panels read scattered pixels, strided or across
   * image rows (rows shorter than two panels). Read in place, each k of a panel takes a cache
   * line of its own, two across rows. On AVX2 (Zen 3), against ONNX Runtime: 1 x 1 2048 -> 512
   * at 7 x 7 1.63 -> 1.10 packed, 3 x 3 256 -> 256 with stride 2 to 14 x 14 1.37 -> 1.11, 3 x 3
   * 512 at 7 x 7 1.16 -> 1.05; but 3 x 3 256 at 14 x 14 1.14 -> 1.20 and 128 at 8 x 32 1.02 ->
   * 1.09, where the copy (9 times the image) cost more than it saved. (Those were read in place
   * from a plane per channel.) Strided windows with padding on 16 lanes read the channel-blocked
   * copy in place instead, where the 8 channels of a tap share each pixel's line: on Zen 5
   * (AVX-512), caches flushed, ResNet-50's 3 x 3 stride-2 layers 128 -> 128 to 28 x 28 took 0.92
   * of their packed time on one thread and on two, 256 to 14 x 14 0.86 and 0.98, 512 to 7 x 7
   * 0.97 and 0.98 (the whole network 0.99 and 1.00); packing copied 9/4 of the image.
   */
  static boolean packsA(TargetDescription t, ConvOp op, long[] ws, long[] os) {
    if (ws[0] < 8L * t.vectorWidth()) return false;
    if (ws[2] * ws[3] == 1) return true;
    boolean strided = op.strides()[0] * op.strides()[1] > 1;
    if (strided && t.vectorWidth() >= 16 && java.util.Arrays.stream(op.pads()).sum() > 0) return false;
    int mr = KernelShape.choose(t, os[0] * os[2] * os[3], ws[0], ws[1] * ws[2] * ws[3]).mr();
    return strided || os[3] < 2L * mr;
  }

  /**
   * About what copying the turned product out costs, in cycles: one per element when it goes by
   * {@link #transposedBlock}, three when one by one through the epilogue. With one cycle the
   * model picks the faster product for the layers measured alone (1x1 convolutions 512 -> 128 channels at 14 x 14: turned, 148 -> 121 us;
   * 256 -> 1024 at 14 x 14: turned, 557 -> 502 us; 3x3 128 -> 128 at 28 x 28: turned, 1120 ->
   * 1073 us; 96 -> 576 at 14 x 14: usual, 110 us against 117 turned); with half a cycle it
   * turned the last one too.
   */
  private static double copyOutCycles(TargetDescription t, long m, long images, long pixels) {
    return images * m * pixels * (transposes(t, m, pixels) ? 1.0 : 3.0);
  }

  /** Whether the product of {@code m} channels of images of {@code pixels} is copied out by {@link #transposedBlock}. */
  private static boolean transposes(TargetDescription t, long m, long pixels) {
    int width = t.vectorWidth();
    return width > 1 && Long.bitCount(width) == 1 && m % width == 0 && pixels >= width;
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
    Sizes z = Sizes.of(t, ws, os);
    long oc = z.oc();
    long taps = z.taps();
    long k = z.k();
    long pixels = z.pixels();
    long rows = z.rows();
    KernelShape s = z.shape();
    boolean tapMajor = z.tapMajor(weights);
    Value pb = weightPanels(op, weights, l, w, z, buffers);
    MatMulKernel.TileInit init = biasInit(bias);
    // A block of channels at a time, each row of the product read whole along them: down a
    // column, rows of 1024 channels (4 KiB apart) would all fall into one set of the L1 cache.
    long block = oc % t.vectorWidth() == 0 ? t.vectorWidth() : 1;
    long pm = Math.ceilDiv(rows, s.mr());
    long perPart = Math.ceilDiv(pm, l.threads());
    boolean productParallel = l.worthParallel((double) rows * oc * k / t.vectorWidth());
    long pn = Math.ceilDiv(oc, s.nr());
    long columnsPerPart = Math.ceilDiv(pn, l.threads()) * s.nr();
    boolean columnsFit = productParallel && transposes(t, oc, pixels) && oc - (l.threads() - 1) * columnsPerPart > 0;
    // Threads split the pixels (as GemmThreads would split these rows) unless the weights are
    // the larger operand (see weightsLarger), which the threads then split by columns instead
    // where its channels come in whole vectors; far larger ones never go by pixels. A batch of
    // 1 x 1 convolutions goes by pixels whatever the operands' sizes (see byImages).
    boolean pixelParts = productParallel
        && (byImages(l, os[0], taps) || !GemmThreads.bFarLarger(rows, oc) && !(columnsFit && weightsLarger(rows, oc)))
        && pm - (l.threads() - 1) * perPart >= 1;
    boolean columnParts = !pixelParts && columnsFit;
    // Split by columns, every part reads all of A, so A is read in place: packed by the threads
    // together, each core read half of the panels from the other's cache (two CCDs apart on
    // Zen 5), and packed per part, each packed all of A; in place, a 3x3 512 -> 512 at 7 x 7 took
    // 0.83-0.91 of its time on two threads, ResNet-50 0.97-0.99 and MobileNet-v2 0.975-1.013.
    boolean packed = !columnParts && packsA(t, op, ws, os);
    ImageRows a = ImageRows.of(op, l, t, s, x, ws, os, buffers, tapMajor, packed ? l.alloc(GemmPacking.typeOfA(s, rows, k)) : null, productParallel);
    // One image copied out by transposed blocks, on its own or in parts of pixels, goes in
    // chunks through a scratch of the product where its rows are many (see chunkRows).
    boolean chunks = os[0] == 1 && transposes(t, oc, pixels) && (pixelParts || l.threads() == 1);
    if (pixelParts && chunks) {
      onThreadsInChunks(l, t, s, a, rows, buffers, op, pb, init, planes(l, out), oc, k, epilogue);
      return;
    }
    long partRows = pixelParts ? perPart * s.mr() : rows;
    long chunk = chunks ? chunkRows(t, s, partRows, oc) : rows;
    boolean scratch = chunk < partRows;
    long scratchParts = pixelParts ? l.threads() : 1;
    Loops.Slots slots = scratch ? l.slots(scratchParts, chunk, new long[] {oc}, FloatType.F32) : null;
    Value product = scratch ? slots.buffer() : l.alloc(new MemRefType(new long[] {rows, oc}, FloatType.F32));
    Value planes = planes(l, out);
    if (pixelParts) {
      inParts(l, t, s, a, rows, chunk, scratch ? slots.stride() : 0, pb, product, init, planes, os, oc, k, block, epilogue);
      return;
    }
    if (columnParts) {
      inColumnParts(l, t, s, a, rows, pb, product, init, planes, os, oc, k, epilogue);
      return;
    }
    if (chunks) {
      inChunks(l, t, s, a, l.index(0), l.index(0), rows, chunk, l.index(0), pb, product, init, planes, oc, k, epilogue);
      return;
    }
    a.pack(l, l.index(0), pm);
    MatMulKernel.emit(l, s, rows, oc, k, a.source(l.index(0)), a.kRange(l.index(0)), MatMulKernel.packed(pb), product, List.of(), init,
        null, null);
    int width = t.vectorWidth();
    long groups = pixels / width;
    if (transposes(t, oc, pixels)) {
      // Groups of width pixels by transposed blocks, then the last, partial group, stored masked.
      l.parallelForEach(new long[] {os[0], groups, oc / width}, 3L * width * width,
          iv -> transposedBlock(l, product, planes, iv.get(0), l.mul(iv.get(1), l.index(width)), iv.get(2), pixels, width, width, epilogue));
      long rest = pixels % width;
      if (rest == 0) return;
      l.parallelForEach(new long[] {os[0], oc / width}, 3L * width * width,
          iv -> transposedBlock(l, product, planes, iv.get(0), l.index(groups * width), iv.get(1), pixels, width, rest, epilogue));
      return;
    }
    l.parallelForEach(new long[] {os[0], oc / block, pixels, block}, 2, iv -> {
      Value channel = block == 1 ? iv.get(1) : l.add(l.mul(iv.get(1), l.index(block)), iv.get(3));
      copyOut(l, product, l.add(l.mul(iv.get(0), l.index(pixels)), iv.get(2)), planes, List.of(iv.get(0), channel, iv.get(2)), epilogue);
    });
  }

  /**
   * The sizes of the turned product of a convolution whose weights have shape {@code ws} and
   * result {@code os}: {@code rows} (the pixels of all images) x {@code oc}, over {@code k}
   * (channels x taps), multiplied by tiles of {@code shape}.
   */
  private record Sizes(long oc, long taps, long k, long pixels, long rows, KernelShape shape) {
    static Sizes of(TargetDescription t, long[] ws, long[] os) {
      long taps = ws[2] * ws[3];
      long k = ws[1] * taps;
      long pixels = os[2] * os[3];
      long rows = os[0] * pixels;
      return new Sizes(ws[0], taps, k, pixels, rows, KernelShape.choose(t, rows, ws[0], k));
    }

    /**
     * Whether k runs in tap-major order (tap, channel): for constant {@code weights} (else null)
     * with several taps, so that the taps that are padding for every pixel of a panel form a
     * prefix and a suffix of k that the panel's micro-kernels skip (see ImageRows.kRange).
     */
    boolean tapMajor(ConstantOp weights) { return weights != null && taps > 1; }
  }

  /**
   * The weights as B panels (k x oc): packed at compile time (k in {@link Sizes#tapMajor}
   * order) when they are the constant {@code weights}, else packed from {@code w} here.
   */
  private static Value weightPanels(ConvOp op, ConstantOp weights, Loops l, Value w, Sizes z, Buffers buffers) {
    long[] ws = ((MemRefType) w.type()).shape();
    if (weights != null) {
      DenseElementsAttr wv = z.tapMajor(weights) ? GemmPacking.tapMajor(weights.value(), z.oc(), ws[1], z.taps()) : weights.value();
      return buffers.table(l, GemmPacking.packConstantB(z.shape(), wv, true, z.k(), z.oc()), op);
    }
    Value pb = l.alloc(GemmPacking.typeOfB(z.shape(), z.k(), z.oc()));
    Value matrix = CollapseShapeOp.create(l.builder(), l.location(), w, new int[] {0}, new int[] {1, 2, 3}).result();
    GemmPacking.packB(l, z.shape(), new Matrix(matrix, List.of(), true), z.k(), z.oc(), pb);
    return pb;
  }

  /** Tiles that start from {@code bias} at their columns (output channels), or from zero without one. */
  private static MatMulKernel.TileInit biasInit(Value bias) {
    return bias == null ? MatMulKernel.ZERO : (in, row, col, type, masked) -> masked
        ? TransferReadOp.create(in.builder(), in.location(), type, bias, List.of(col), in.constant(0, FloatType.F32), false).result()
        : LoadOp.create(in.builder(), in.location(), type, bias, List.of(col)).result();
  }

  /**
   * {@code op} followed by the mean of each of its output planes (a global average pool,
   * {@code nn-fuse}'s rule "mean"), into {@code out} ([images, oc], or with two axes of one
   * after): the turned product whole (rows: the pixels of every image), then, per image and
   * vector of channels, the sum of its rows through {@code epilogue} divided by the pixels.
   * The product's rows run along the channels, so the sum is one vector add per row, where the
   * usual result would be transposed into planes (or copied element by element, when the
   * channels do not come in whole vectors), written and read back by the pool: SqueezeNet's
   * last convolution, 1000 channels of 13 x 13, copied its 169 000 elements one by one. The
   * epilogue sees vectors along the channels, so it must not read a tensor (a residual).
   */
  static void mean(ConvOp op, ConstantOp weights, Loops l, Value x, Value w, Value bias, Value out, TargetDescription t, Buffers buffers,
      MatMulKernel.Epilogue epilogue) {
    long[] ws = ((MemRefType) w.type()).shape();
    long[] os = ((ShapedType) op.result(0).type()).shape();
    Sizes z = Sizes.of(t, ws, os);
    long oc = z.oc();
    long rows = z.rows();
    KernelShape s = z.shape();
    Value pb = weightPanels(op, weights, l, w, z, buffers);
    boolean parallel = l.worthParallel((double) rows * oc * z.k() / t.vectorWidth());
    // Where the threads split the channels (the weights far larger than the image, as in the
    // last layers), each reads all of A, in place as in conv; else A is packed, each panel on
    // the thread that multiplies it (packed before the product on one thread, SqueezeNet's
    // last layer took 1.03 of its time on two threads).
    boolean packed = packsA(t, op, ws, os) && !GemmThreads.choose(l, s, rows, oc, z.k()).columns();
    Value panels = packed ? l.alloc(GemmPacking.typeOfA(s, rows, z.k())) : null;
    ImageRows a = ImageRows.of(op, l, t, s, x, ws, os, buffers, z.tapMajor(weights), panels, parallel);
    Value product = l.alloc(new MemRefType(new long[] {rows, oc}, FloatType.F32));
    long pm = Math.ceilDiv(rows, s.mr());
    if (parallel) l.parallelForEach(new long[] {pm}, z.k() * s.mr(), iv -> a.pack(l.serial(), iv.getFirst(), 1));
    else a.pack(l, l.index(0), pm);
    MatMulKernel.emit(l, s, rows, oc, z.k(), a.source(l.index(0)), a.kRange(l.index(0)), MatMulKernel.packed(pb), product, List.of(), biasInit(bias),
        null, null);
    long[] means = ((MemRefType) out.type()).shape();
    Value flat = means.length == 2 ? out : CollapseShapeOp.create(l.builder(), l.location(), out, new int[] {0}, new int[] {1, 2, 3}).result();
    int width = t.vectorWidth();
    long whole = oc / width;
    long pixels = z.pixels();
    l.parallelForEach(new long[] {os[0], whole}, pixels * width, iv -> meanOfColumns(l, product, flat, iv.get(0), l.mul(iv.get(1), l.index(width)),
        pixels, width, width, epilogue));
    if (oc % width != 0) {
      l.parallelForEach(new long[] {os[0]}, pixels * width, iv -> meanOfColumns(l, product, flat, iv.get(0), l.index(whole * width), pixels, width,
          oc % width, epilogue));
    }
  }

  /**
   * The mean over the {@code pixels} rows of {@code image} in {@code product} of {@code count}
   * (at most {@code width}) columns from {@code c0}, each row through {@code epilogue}, into
   * {@code means}[image, c0...]; the lanes past {@code count} are read as zeros and not stored.
   */
  private static void meanOfColumns(Loops l, Value product, Value means, Value image, Value c0, long pixels, int width, long count,
      MatMulKernel.Epilogue epilogue) {
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    boolean masked = count < width;
    Value row0 = l.mul(image, l.index(pixels));
    Value sum = l.reduce(new long[] {pixels}, l.constant(0, vt), (iv, acc) -> {
      List<Value> at = List.of(l.add(row0, iv.getFirst()), c0);
      Value v = masked ? TransferReadOp.create(l.builder(), l.location(), vt, product, at, l.constant(0, FloatType.F32), false).result()
          : LoadOp.create(l.builder(), l.location(), vt, product, at).result();
      if (epilogue != null) v = epilogue.apply(l, List.of(image, c0, iv.getFirst()), v, vt, masked);
      return l.add(acc, v);
    });
    Value mean = l.div(sum, l.constant(pixels, vt));
    if (masked) {
      Value part = SubViewOp.create(l.builder(), l.location(), means, new long[] {ShapedType.DYNAMIC, ShapedType.DYNAMIC}, List.of(image, c0),
          new long[] {1, count}).result();
      TransferWriteOp.create(l.builder(), l.location(), mean, part, List.of(l.index(0), l.index(0)), false);
    } else {
      StoreOp.create(l.builder(), l.location(), mean, means, List.of(image, c0));
    }
  }

  /**
   * A block of the product, {@code count} (at most {@code width}) pixels from {@code pixel} of
   * {@code image} by {@code width} channels of channel block {@code channelBlock}, into the
   * result (through a view {@code count} pixels wide whose stores are masked when the block is
   * not whole, the rows past {@code count} read as the last one): one vector
   * per pixel (a row of the product along the channels), transposed in registers into one
   * vector per channel along the pixels, which the epilogue sees as the usual product's vectors
   * and which is stored whole into the channel's plane. Copying element by element took about
   * three cycles per element (MobileNet-v2's last 1x1 convolution, 1280 channels of 7 x 7: a
   * fifth of its time); the transpose is log2(width) rounds of width shuffles that interleave
   * row i with row i + width/2 (a perfect shuffle of the rows; after log2(width) rounds the
   * matrix is transposed).
   */
  private static void transposedBlock(Loops l, Value product, Value planes, Value image, Value pixel, Value channelBlock, long pixels, int width,
      long count, MatMulKernel.Epilogue epilogue) {
    transposedBlockFrom(l, product, l.add(l.mul(image, l.index(pixels)), pixel), planes, image, pixel, channelBlock, width, count, epilogue);
  }

  /** {@link #transposedBlock} read from the product's rows from {@code row0}. */
  private static void transposedBlockFrom(Loops l, Value product, Value row0, Value planes, Value image, Value pixel, Value channelBlock, int width,
      long count, MatMulKernel.Epilogue epilogue) {
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    Value channel0 = l.mul(channelBlock, l.index(width));
    Value[] rows = new Value[width];
    for (int i = 0; i < width; i++) {
      rows[i] = LoadOp.create(l.builder(), l.location(), vt, product, List.of(l.add(row0, l.index(Math.min(i, count - 1))), channel0)).result();
    }
    rows = transpose(l, rows);
    long[] ps = ((MemRefType) planes.type()).shape();
    Value part = count == width ? planes
        : SubViewOp.create(l.builder(), l.location(), planes, new long[] {0, 0, ShapedType.DYNAMIC}, List.of(pixel), new long[] {ps[0], ps[1], count})
            .result();
    for (int j = 0; j < width; j++) {
      List<Value> at = List.of(image, l.add(channel0, l.index(j)), pixel);
      Value v = epilogue == null ? rows[j] : epilogue.apply(l, at, rows[j], vt, count < width);
      if (count == width) StoreOp.create(l.builder(), l.location(), v, planes, at);
      else TransferWriteOp.create(l.builder(), l.location(), v, part, List.of(image, at.get(1), l.index(0)), false);
    }
  }

  /**
   * The square matrix of {@code rows} (as many vectors as each has lanes, a power of two)
   * transposed: log2(width) rounds of width shuffles that interleave row i with row i + width/2
   * (a perfect shuffle of the rows; after log2(width) rounds the matrix is transposed).
   */
  static Value[] transpose(Loops l, Value[] rows) {
    int width = rows.length;
    long[] low = new long[width];
    long[] high = new long[width];
    for (int k = 0; k < width / 2; k++) {
      low[2 * k] = k;
      low[2 * k + 1] = width + k;
      high[2 * k] = width / 2 + k;
      high[2 * k + 1] = width + width / 2 + k;
    }
    for (int round = 1; round < width; round *= 2) {
      Value[] next = new Value[width];
      for (int i = 0; i < width / 2; i++) {
        next[2 * i] = ShuffleOp.create(l.builder(), l.location(), rows[i], rows[i + width / 2], low).result();
        next[2 * i + 1] = ShuffleOp.create(l.builder(), l.location(), rows[i], rows[i + width / 2], high).result();
      }
      rows = next;
    }
    return rows;
  }

  /**
   * The product on threads, in parts of A panels (pixels): one parallel loop over as many parts
   * as threads, each multiplying its own panels with all of B into its rows of the product and
   * copying those rows out (by {@link #transposedBlock}s from the part's first row in each
   * image), so that what a core writes it reads back itself. Packing, product
   * and copy-out as three parallel loops each split the work their own way, and each core read
   * much of what the other had just written. With {@code scratchStride} (0: none) each part's
   * chunks go through its slot of the product, that many rows after the last part's
   * ({@link Loops#slots}).
   */
  private static void inParts(Loops l, TargetDescription t, KernelShape s, ImageRows a, long rows, long chunk, long scratchStride, Value pb,
      Value product, MatMulKernel.TileInit init, Value planes, long[] os, long oc, long k, long block, MatMulKernel.Epilogue epilogue) {
    long pixels = os[2] * os[3];
    long pm = Math.ceilDiv(rows, s.mr());
    int parts = l.threads();
    long perPart = Math.ceilDiv(pm, parts);
    long lastRows = rows - (parts - 1) * perPart * s.mr();
    Loops serial = l.serial();
    int width = t.vectorWidth();
    boolean transposes = transposes(t, oc, pixels);
    long dyn = ShapedType.DYNAMIC;
    l.parallelFor(l.index(0), l.index(parts), l.index(1), part -> {
      Value p0 = l.mul(part, l.index(perPart));
      Value r0 = l.mul(p0, l.index(s.mr()));
      LongConsumer body = partRows -> {
        if (os[0] == 1 && transposes) {
          // One image: the part's rows are its pixels [r0, r0 + partRows).
          inChunks(serial, t, s, a, r0, p0, partRows, chunk, scratchStride > 0 ? l.mul(part, l.index(scratchStride)) : r0, pb, product, init, planes, oc, k,
              epilogue);
          return;
        }
        Value c = SubViewOp.create(l.builder(), l.location(), product, new long[] {dyn, 0}, List.of(r0), new long[] {partRows, oc}).result();
        a.pack(serial, p0, Math.ceilDiv(partRows, s.mr()));
        MatMulKernel.emit(serial, s, partRows, oc, k, a.source(p0), a.kRange(p0), MatMulKernel.packed(pb), c, List.of(), init, null, null);
        if (transposes) {
          // Several images: the part's rows of each image by transposed blocks from the image's
          // first row in the part, the pixels after its last whole block one at a time (element
          // by element throughout, ResNet-50 at batch 4 on two threads took 1.05-1.10 and
          // SqueezeNet 1.07 of its time).
          Value r1 = l.add(r0, l.index(partRows));
          Value firstImage = l.divui(r0, l.index(pixels));
          Value endImage = l.divui(l.add(r1, l.index(pixels - 1)), l.index(pixels));
          VectorConv.range(serial, firstImage, endImage, image -> {
            Value base = l.mul(image, l.index(pixels));
            Value lo = l.maxsi(r0, base);
            Value hi = l.minsi(r1, l.add(base, l.index(pixels)));
            Value blocks = l.divui(l.sub(hi, lo), l.index(width));
            Value first = l.sub(lo, base);
            VectorConv.range(serial, l.index(0), blocks, bv -> serial.forEach(new long[] {oc / width}, cv -> transposedBlock(serial, product, planes,
                image, l.add(first, l.mul(bv, l.index(width))), cv.getFirst(), pixels, width, width, epilogue)));
            VectorConv.range(serial, l.add(lo, l.mul(blocks, l.index(width))), hi, q -> serial.forEach(new long[] {oc}, cv ->
                copyOut(serial, product, q, planes, List.of(image, cv.getFirst(), l.sub(q, base)), epilogue)));
          });
          return;
        }
        serial.forEach(new long[] {oc / block}, cv -> VectorConv.range(serial, r0, l.add(r0, l.index(partRows)), q -> serial.forEach(
            new long[] {block}, bv -> {
              Value channel = block == 1 ? cv.getFirst() : l.add(l.mul(cv.getFirst(), l.index(block)), bv.getFirst());
              copyOut(serial, product, q, planes, List.of(l.divui(q, l.index(pixels)), channel, l.remui(q, l.index(pixels))), epilogue);
            })));
      };
      bySize(l, part, parts, lastRows, perPart * s.mr(), body);
    });
  }

  /**
   * The product of one image on threads, copied out by transposed blocks: one parallel loop over
   * chunks of its pixels, each multiplied and copied out right after, as {@link #inChunks} does
   * on one thread, at least {@link #CHUNKS_PER_THREAD} chunks for each thread, so that a faster
   * core takes the slower one's last chunks (see {@link GemmThreads}). Where a thread's share of
   * the product does not fit in half of L2 ({@link #chunkRows}), each chunk goes through a scratch of the thread
   * that runs it ({@link Buffers#threadIndex}, its slot: {@link Loops#slots}), else
   * through its own rows of the whole product. A chunk is a multiple of the A panels' rows, so
   * that each chunk packs and multiplies whole panels, and of the vector width too unless another
   * size lets the threads finish sooner ({@link ChunkSchedule#balanced}); then each chunk's last
   * pixels are copied out as a partial block.
   */
  private static void onThreadsInChunks(Loops l, TargetDescription t, KernelShape s, ImageRows a, long rows, Buffers buffers, ConvOp op, Value pb,
      MatMulKernel.TileInit init, Value planes, long oc, long k, MatMulKernel.Epilogue epilogue) {
    int threads = l.threads();
    long unit = chunkUnit(t, s);
    long perThread = Math.ceilDiv(rows, threads);
    long inL2 = chunkRows(t, s, perThread, oc);
    boolean scratch = inL2 < perThread;
    // Whole A panels (a chunk starts at one), up to a unit or a quarter of a thread's rows, or
    // all rows in one chunk; of those the size with which the threads finish soonest (see
    // ChunkSchedule), whole units if about as soon. (Chunks of at least a unit left a 4 x 4
    // transposed convolution's phases of 256 -> 128 channels at 16 x 16 in chunks of 48 rows,
    // 144 for one thread and 112 for the other; in chunks of 42, the probe took 0.954 of its
    // time on two threads, and networks 0.99-1.01.)
    long few = Math.max(unit, perThread / CHUNKS_PER_THREAD / s.mr() * s.mr());
    long largest = scratch ? Math.min(few, inL2) : few;
    long chunk = ChunkSchedule.balanced(rows, s.mr(), unit, s.mr(), largest, threads);
    long count = Math.ceilDiv(rows, chunk);
    long tail = rows - (count - 1) * chunk;
    Loops.Slots slots = scratch ? l.slots(threads, chunk, new long[] {oc}, FloatType.F32) : null;
    long stride = scratch ? slots.stride() : 0;
    Value product = scratch ? slots.buffer() : l.alloc(new MemRefType(new long[] {rows, oc}, FloatType.F32));
    Loops serial = l.serial();
    l.parallelFor(l.index(0), l.index(count), l.index(1), c -> {
      Value r0 = l.mul(c, l.index(chunk));
      Value p0 = l.mul(c, l.index(chunk / s.mr()));
      Value productRow = scratch ? l.mul(buffers.threadIndex(l, op), l.index(stride)) : r0;
      bySize(l, c, count, tail, chunk, n -> chunk(serial, t, s, a, r0, p0, productRow, n, pb, product, init, planes, oc, k, epilogue));
    });
  }

  /** The result [images, channels, h, w] as planes [images, channels, h * w]. */
  private static Value planes(Loops l, Value out) {
    return CollapseShapeOp.create(l.builder(), l.location(), out, new int[] {0}, new int[] {1}, new int[] {2, 3}).result();
  }

  /** The fewest chunks of pixels per thread in {@link #onThreadsInChunks}. */
  private static final long CHUNKS_PER_THREAD = 4;

  /**
   * Rows {@code [r0, r0 + count)} of one image's product (from A panel {@code p0}) multiplied
   * and copied out by {@link #transposedBlock}s in chunks of {@code chunk} rows, each copied out
   * right after it is multiplied, all through the product's rows from {@code productRow}: a
   * scratch of {@code chunk} rows where {@code chunk < count}, which stays in L2 (see
   * {@link #chunkRows}), else the rows {@code count} rows long from there.
   */
  private static void inChunks(Loops l, TargetDescription t, KernelShape s, ImageRows a, Value r0, Value p0, long count, long chunk, Value productRow,
      Value pb, Value product, MatMulKernel.TileInit init, Value planes, long oc, long k, MatMulKernel.Epilogue epilogue) {
    if (chunk >= count) {
      chunk(l, t, s, a, r0, p0, productRow, count, pb, product, init, planes, oc, k, epilogue);
      return;
    }
    long whole = count / chunk;
    BiConsumer<Value, Long> multiplyAndCopy = (i, rows) -> chunk(l, t, s, a, l.add(r0, l.mul(i, l.index(chunk))),
        l.add(p0, l.mul(i, l.index(chunk / s.mr()))), productRow, rows, pb, product, init, planes, oc, k, epilogue);
    l.forEach(new long[] {whole}, iv -> multiplyAndCopy.accept(iv.getFirst(), chunk));
    if (count % chunk != 0) multiplyAndCopy.accept(l.index(whole), count % chunk);
  }

  /**
   * Pixels {@code [row0, row0 + count)} of one image (from A panel {@code panel0}) multiplied
   * into the product's rows from {@code productRow}, then copied out.
   */
  private static void chunk(Loops l, TargetDescription t, KernelShape s, ImageRows a, Value row0, Value panel0, Value productRow, long count, Value pb,
      Value product, MatMulKernel.TileInit init, Value planes, long oc, long k, MatMulKernel.Epilogue epilogue) {
    int width = t.vectorWidth();
    Value c = SubViewOp.create(l.builder(), l.location(), product, new long[] {ShapedType.DYNAMIC, 0}, List.of(productRow), new long[] {count, oc})
        .result();
    a.pack(l, panel0, Math.ceilDiv(count, s.mr()));
    MatMulKernel.emit(l, s, count, oc, k, a.source(panel0), a.kRange(panel0), MatMulKernel.packed(pb), c, List.of(), init, null, null);
    copyOutRows(l, product, productRow, planes, row0, count, null, oc / width, width, epilogue);
  }

  /**
   * Pixels {@code [row0, row0 + count)} of one image, read from the product's rows from
   * {@code productRow}, copied out by {@link #transposedBlockFrom}s of channel blocks
   * {@code [block0, block0 + blocks)} (null block0: from 0): whole groups of width pixels, then
   * the last, partial group.
   */
  private static void copyOutRows(Loops l, Value product, Value productRow, Value planes, Value row0, long count, Value block0, long blocks, int width,
      MatMulKernel.Epilogue epilogue) {
    java.util.function.UnaryOperator<Value> block = v -> block0 == null ? v : l.add(block0, v);
    long whole = count / width;
    l.forEach(new long[] {whole, blocks}, iv -> {
      Value offset = l.mul(iv.get(0), l.index(width));
      transposedBlockFrom(l, product, l.add(productRow, offset), planes, l.index(0), l.add(row0, offset), block.apply(iv.get(1)), width, width, epilogue);
    });
    if (count % width != 0) {
      Value offset = l.index(whole * width);
      l.forEach(new long[] {blocks}, iv -> transposedBlockFrom(l, product, l.add(productRow, offset), planes, l.index(0), l.add(row0, offset),
          block.apply(iv.getFirst()), width, count % width, epilogue));
    }
  }

  /**
   * Rows of the turned product multiplied before they are copied out: all {@code rows} when their
   * product fits in half of L2, else the most whole A panels and vectors of pixels (a multiple of
   * both mr and the vector width) whose product fits in a quarter of L2, but no fewer than one
   * such multiple. Multiplied whole and copied out after, a 7x7 stem's product (12544 pixels of
   * 64 channels, 3.2 MB) went to L3 and came back for the copy; in chunks through one scratch
   * per thread ResNet-50's stem alone (caches flushed, Zen 5) took 0.93 of its time on
   * two threads and 0.96 on one, ResNet-50 0.99 on two threads and 1.00 on one.
   */
  private static long chunkRows(TargetDescription t, KernelShape s, long rows, long oc) {
    if (rows * oc * 4 <= t.l2Bytes() / 2) return rows;
    long unit = chunkUnit(t, s);
    long chunk = Math.max(1, t.l2Bytes() / 4 / (oc * 4) / unit) * unit;
    return Math.min(chunk, rows);
  }

  /** The rows a chunk of the product comes in multiples of: whole A panels (mr) and whole vectors of pixels. */
  private static long chunkUnit(TargetDescription t, KernelShape s) { return s.mr() * (long) t.vectorWidth() / gcd(s.mr(), t.vectorWidth()); }

  private static long gcd(long a, long b) { return b == 0 ? a : gcd(b, a % b); }

  /**
   * Whether the weights (oc x k) are at least as large as A (rows x k), so that threads had
   * better split the output channels than the pixels. Split by pixels, each thread reads all
   * the weights and half of A; by channels, half the weights and all of A: of the two, the
   * split that leaves each thread the larger operand's half reads less. At 14 x 14 (196 pixels)
   * on two threads (Zen 5), splitting the channels instead made a 1 x 1 convolution 1024 -> 256
   * take 0.77 of its time, a 3 x 3 256 -> 256 with stride 2 from 28 x 28 0.85, 256 -> 1024
   * 0.98 and a 3 x 3 256 -> 256 0.99; whole networks ResNet-50 0.97, Inception-v1 0.98,
   * MobileNet-v2 0.99, SqueezeNet and ShuffleNet v2 1.00. The rule of {@link GemmThreads}, the
   * weights at least four times A, had left those layers split by pixels; requiring twice
   * made ResNet-50 1.7% slower than this rule, half of it was no faster. (For the usual
   * product, GemmThreads' own rule at the same balance point was not faster: ResNet-50 1.01.)
   */
  static boolean weightsLarger(long rows, long oc) { return oc >= rows; }

  /**
   * Whether the threads split a 1 x 1 convolution ({@code taps} 1) of several {@code images}
   * that they divide by pixels whatever its operands' sizes, so that each thread's rows are
   * (about) its own images, as the other layers at that batch split them ({@code
   * VectorConv.imagesOnThreads}, Winograd's blocks). Split by output channels, each thread
   * wrote its channels of every image, which the next layer, split by images, read half from
   * the other core's cache (two CCDs apart on Zen 5). On two threads, deployed A/B against
   * {@link #weightsLarger} alone: ResNet-50 at batch 4 0.976-0.984 of its time (its 7 x 7 layers
   * 512 -> 2048, 4 MB of weights against 0.4 MB of pixels, 0.74-0.87), at batch 2 0.989;
   * MobileNet-v2 at batch 4 0.965-0.968; SqueezeNet, DenseNet-121 and Inception-v1 0.994-1.000;
   * eight 1 x 1 convolutions 1024 <-> 256 at 14 x 14, batch 4, 0.897. Windows stay with
   * weightsLarger: A packed per thread copies the image once per tap, and ResNet-50's 3 x 3
   * layers of 512 channels at 7 x 7 took 1.12-1.18 of their time split by images.
   */
  static boolean byImages(Loops l, long images, long taps) { return taps == 1 && images > 1 && images % l.threads() == 0; }

  /**
   * {@code body} of the size of part {@code part} of {@code parts}: {@code last} for the last
   * part, {@code others} for the rest (an scf.if on the part, or the body alone when the sizes
   * are equal), so that each branch has static sizes.
   */
  static void bySize(Loops l, Value part, long parts, long last, long others, LongConsumer body) {
    if (last == others) {
      body.accept(last);
      return;
    }
    IfOp.create(l.builder(), l.location(), l.cmp(CmpIPredicate.EQ, part, l.index(parts - 1)), List.of(), (in, args) -> {
      body.accept(last);
      return List.of();
    }, (in, args) -> {
      body.accept(others);
      return List.of();
    });
  }

  /**
   * The product on threads, by B panels (output channels), where the weights are the larger
   * operand ({@link #weightsLarger}): one parallel loop over the panels, each multiplying all of
   * A with its panel of B and copying its channels out by {@link #transposedBlock}s right after,
   * while they are in L1 and L2. Split by the GEMM's threads and copied out by a second parallel
   * loop over pixels, each core read half its rows from the other's cache (ResNet-50's 1x1
   * convolutions 256 -> 1024 at 14 x 14 took 0.85 of their one-thread time on two threads).
   * Multiplied whole first, a part's product (400 KB for 512 of ResNet-50's 1024 channels at 14
   * x 14) shared L2 with the weights it streamed and came back partly from L3 (its third stage
   * on two threads 0.98 of its time panel by panel, ResNet-50 0.97-1.00, MobileNet-v2 0.975; the
   * same sums, so the same results). A panel to an iteration, rather than one run of panels per
   * thread, lets a faster core take the slower one's last panels (see {@link GemmThreads}).
   */
  private static void inColumnParts(Loops l, TargetDescription t, KernelShape s, ImageRows a, long rows, Value pb, Value product,
      MatMulKernel.TileInit init, Value planes, long[] os, long oc, long k, MatMulKernel.Epilogue epilogue) {
    long pixels = os[2] * os[3];
    int width = t.vectorWidth();
    long panels = Math.ceilDiv(oc, s.nr());
    Loops serial = l.serial();
    MatMulKernel.Packed packed = (MatMulKernel.Packed) MatMulKernel.packed(pb);
    // Every panel reads all of A, in place (see conv).
    if (os[0] == 1 && panels < CHUNKS_PER_THREAD * l.threads()) {
      inPanelChunks(l, t, s, a, rows, packed, product, init, planes, oc, k, epilogue);
      return;
    }
    l.parallelFor(l.index(0), l.index(panels), l.index(1), p -> bySize(l, p, panels, oc - (panels - 1) * s.nr(), s.nr(), columns -> {
      Value c0 = l.mul(p, l.index(s.nr()));
      MatMulKernel.TileInit start = (in, row, col, type, masked) -> init.vector(in, row, in.add(col, c0), type, masked);
      MatMulKernel.emit(serial, s, rows, columns, k, a.source(l.index(0)), a.kRange(l.index(0)), packed.from(l, p), product, List.of(), start, c0,
          null);
      Value block0 = l.mul(p, l.index(s.nr() / width));
      long blocks = columns / width;
      serial.forEach(new long[] {os[0], pixels / width, blocks}, iv -> transposedBlock(serial, product, planes, iv.get(0),
          l.mul(iv.get(1), l.index(width)), l.add(block0, iv.get(2)), pixels, width, width, epilogue));
      if (pixels % width != 0) {
        serial.forEach(new long[] {os[0], blocks}, iv -> transposedBlock(serial, product, planes, iv.get(0), l.index(pixels / width * width),
            l.add(block0, iv.get(1)), pixels, width, pixels % width, epilogue));
      }
    }));
  }

  /**
   * {@link #inColumnParts} for one image whose B panels are too few for the threads to balance
   * (fewer than {@link #CHUNKS_PER_THREAD} per thread: ResNet-50's 1024 -> 256 at 14 x 14 has
   * 4): each panel's rows go in chunks too (whole multiples of the A panels' rows and the vector
   * width), an iteration per (panel, chunk), panel-major, so that a thread's run of iterations
   * keeps one B panel in its cache. Each chunk multiplies its pixels by the panel and copies
   * them out by {@link #transposedBlockFrom}.
   */
  private static void inPanelChunks(Loops l, TargetDescription t, KernelShape s, ImageRows a, long rows, MatMulKernel.Packed packed, Value product,
      MatMulKernel.TileInit init, Value planes, long oc, long k, MatMulKernel.Epilogue epilogue) {
    int width = t.vectorWidth();
    long panels = Math.ceilDiv(oc, s.nr());
    long unit = chunkUnit(t, s);
    long perPanel = Math.ceilDiv(CHUNKS_PER_THREAD * l.threads(), panels);
    long chunk = Math.min(rows, Math.max(unit, rows / perPanel / unit * unit));
    long chunks = Math.ceilDiv(rows, chunk);
    long tail = rows - (chunks - 1) * chunk;
    Loops serial = l.serial();
    l.parallelFor(l.index(0), l.index(panels * chunks), l.index(1), it -> {
      Value p = l.divui(it, l.index(chunks));
      Value r = l.remui(it, l.index(chunks));
      Value r0 = l.mul(r, l.index(chunk));
      Value p0 = l.mul(r, l.index(chunk / s.mr()));
      Value c0 = l.mul(p, l.index(s.nr()));
      Value block0 = l.mul(p, l.index(s.nr() / width));
      MatMulKernel.TileInit start = (in, row, col, type, masked) -> init.vector(in, row, in.add(col, c0), type, masked);
      bySize(l, p, panels, oc - (panels - 1) * s.nr(), s.nr(), columns -> bySize(l, r, chunks, tail, chunk, count -> {
        Value c = SubViewOp.create(l.builder(), l.location(), product, new long[] {ShapedType.DYNAMIC, 0}, List.of(r0), new long[] {count, oc}).result();
        MatMulKernel.emit(serial, s, count, columns, k, a.source(p0), a.kRange(p0), packed.from(l, p), c, List.of(), start, c0, null);
        copyOutRows(serial, product, r0, planes, r0, count, block0, columns / width, width, epilogue);
      }));
    });
  }

  /** Element (row, at[1]) of the product through the epilogue into the result's element {@code at} = [image, channel, pixel]. */
  private static void copyOut(Loops l, Value product, Value row, Value planes, List<Value> at, MatMulKernel.Epilogue epilogue) {
    Value v = l.load(product, List.of(row, at.get(1)));
    if (epilogue != null) v = epilogue.apply(l, at, v, null, false);
    l.store(v, planes, at);
  }

  /**
   * A (rows x k, rows = the pixels of all images), read in place or, where {@link #packsA},
   * packed from there into panels first ({@link #pack}): element (q, k) is
   * {@code image[kOffsets[k] + pixelOffsets[q]]}, where {@code image} is the input or, with
   * padding, a copy of it with zero borders (n x c x hp x wp), kOffsets[k] the offset of tap
   * (i, j) of channel c (c * hp * wp + i * dh * wp + j * dw) and pixelOffsets[q] that of pixel
   * q's window (image * c * hp * wp + y * sh * wp + z * sw). Read in place with padding, the
   * copy is channel-blocked instead ({@link #blockedCopy}: n x c/8 x hp x wp x 8, the offsets
   * scaled to match), which made 3 x 3 convolutions of 64 channels at 56 x 56 0.89 and 128 at
   * 28 x 28 0.94 of their time on one thread (AVX2, Zen 3). The micro-kernel's mr pixel
   * offsets stay in registers through its loop over k, which adds one load of kOffsets per k.
   * Packing copies pixels x k elements, the padded copy n x c x hp x wp (at 4 x 32 with 192
   * channels and a 3 x 3 window, 221k against 26k).
   */
  record ImageRows(Value image, Value kOffsets, Value pixelOffsets, Value ranges, int mr, long k, Value packed, Value runs) {
    /** Channels per block of the blocked copy ({@link #blockedCopy}). */
    static final long LANES = 8;

    /**
     * Channels per block of the blocked copy of an image of {@code channels}: {@link #LANES}, or
     * 4 for an image of 4 channels or fewer (an RGB network's first convolution), whose blocks
     * of 8 were more than half repeated lanes, written and read for nothing.
     */
    static long blockLanes(long channels) { return channels <= 4 ? 4 : LANES; }

    /** A of {@code op}; {@code packed} (null: none) is a buffer of {@link GemmPacking#typeOfA} that {@link #pack} fills and {@link #source} then reads. */
    static ImageRows of(ConvOp op, Loops l, TargetDescription t, KernelShape s, Value x, long[] ws, long[] os, Buffers buffers, boolean tapMajor,
        Value packed, boolean beforeParallel) {
      long[] xs = ((MemRefType) x.type()).shape();
      // A strided 1 x 1 window reads the subsampled image, copied out dense: A reads that with stride 1.
      boolean subsampled = subsamples(op, ws);
      long[] st = subsampled ? new long[] {1, 1} : op.strides();
      long[] dl = op.dilations();
      long[] pd = op.pads();
      long hp = subsampled ? os[2] : xs[2] + pd[0] + pd[2];
      long wp = subsampled ? os[3] : xs[3] + pd[1] + pd[3];
      long plane = hp * wp;
      long channels = xs[1];
      long kh = ws[2];
      long kw = ws[3];
      long taps = kh * kw;
      long rows = os[0] * os[2] * os[3];
      long panels = Math.ceilDiv(rows, s.mr());
      // Read in place from a padded copy: the copy holds the channels in blocks of lanes, interleaved per pixel.
      boolean blocked = packed == null && paddedSize(op, xs) > 0;
      long lanes = blocked ? blockLanes(channels) : 1;
      long blocks = Math.ceilDiv(channels, lanes);
      long[] kOffsets = new long[Math.toIntExact(channels * taps)];
      for (long c = 0; c < channels; c++) {
        for (long tap = 0; tap < taps; tap++) {
          long k = tapMajor ? tap * channels + c : c * taps + tap;
          kOffsets[(int) k] = c / lanes * plane * lanes + (tap / kw * dl[0] * wp + tap % kw * dl[1]) * lanes + c % lanes;
        }
      }
      long[] pixelOffsets = new long[Math.toIntExact(panels * s.mr())];
      for (long q = 0; q < rows; q++) {
        long image = q / (os[2] * os[3]);
        long y = q / os[3] % os[2];
        long z = q % os[3];
        pixelOffsets[(int) q] = image * blocks * lanes * plane + (y * st[0] * wp + z * st[1]) * lanes;
      }
      Value ranges = null;
      long[] tapRanges = tapMajor ? tapRanges(offsets(op, xs, ws, os), kh, kw, rows, s.mr()) : null;
      if (tapRanges != null) {
        for (int i = 0; i < tapRanges.length; i++) tapRanges[i] *= channels;
        long perPanel = tapRanges.length / panels;
        ranges = buffers.table(l, DenseElementsAttr.ofLongs(new RankedTensorType(new long[] {panels, perPanel}, IntegerType.I64), tapRanges), op);
      }
      // Panels whose pixels lie next to each other in one image row: pack copies them by vectors.
      Value runs = null;
      if (packed != null) {
        long[] run = new long[Math.toIntExact(panels)];
        for (int p = 0; p < panels; p++) {
          run[p] = 1;
          for (int r = 1; r < s.mr(); r++) {
            long q = (long) p * s.mr() + r;
            if (q >= rows || pixelOffsets[(int) q] != pixelOffsets[p * s.mr()] + r) run[p] = 0;
          }
        }
        runs = buffers.table(l, DenseElementsAttr.ofLongs(new RankedTensorType(new long[] {panels}, IntegerType.I64), run), op);
      }
      Value image = subsampled ? subsampledCopy(l, t, x, op.strides(), os, beforeParallel)
          : paddedSize(op, xs) == 0 ? l.flatten(x) : blocked ? blockedCopy(l, x, pd, hp, wp, (int) lanes, beforeParallel) : padded(l, x, pd, hp, wp, beforeParallel);
      return new ImageRows(image, buffers.table(l, DenseElementsAttr.ofLongs(new RankedTensorType(new long[] {kOffsets.length}, IntegerType.I64), kOffsets), op),
          buffers.table(l, DenseElementsAttr.ofLongs(new RankedTensorType(new long[] {pixelOffsets.length}, IntegerType.I64), pixelOffsets), op),
          ranges, s.mr(), channels * taps, packed, runs);
    }

    /**
     * Copies A panels [first, first + count) from the image into {@link #packed}, the mr pixels
     * of one k next to each other (nothing when A is read in place). The last panel's rows past
     * the pixels read pixel 0's offsets: valid addresses whose values no tile stores.
     */
    void pack(Loops l, Value first, long count) {
      if (packed == null) return;
      MatMulKernel.ASource inPlace = inPlace(l.index(0));
      VectorType vt = new VectorType(new long[] {mr}, FloatType.F32);
      l.forEach(new long[] {count}, pv -> {
        Value panel = l.add(first, pv.getFirst());
        Value run = l.cmp(CmpIPredicate.NE, l.load(runs, List.of(panel)), l.constant(0, IntegerType.I64));
        IfOp.create(l.builder(), l.location(), run, List.of(), (in, args) -> {
          Value pixel = l.indexCast(l.load(pixelOffsets, List.of(l.mul(panel, l.index(mr)))));
          l.forEach(new long[] {k}, kv -> {
            Value at = l.add(l.indexCast(l.load(kOffsets, List.of(kv.getFirst()))), pixel);
            Value v = LoadOp.create(l.builder(), l.location(), vt, image, List.of(at)).result();
            StoreOp.create(l.builder(), l.location(), v, packed, List.of(panel, kv.getFirst(), l.index(0)));
          });
          return List.of();
        }, (in, args) -> {
          l.forEach(new long[] {k}, kv -> {
            for (int row = 0; row < mr; row++) l.store(inPlace.scalar(l, panel, kv.getFirst(), row), packed, List.of(panel, kv.getFirst(), l.index(row)));
          });
          return List.of();
        });
      });
    }

    /** The elements of the zero-bordered copy of x (shape {@code xs}) that A is read from; 0 when {@code op} has no padding and A reads x itself. */
    static long paddedSize(ConvOp op, long[] xs) {
      long[] pd = op.pads();
      if (pd[0] + pd[1] + pd[2] + pd[3] == 0) return 0;
      return xs[0] * xs[1] * (xs[2] + pd[0] + pd[2]) * (xs[3] + pd[1] + pd[3]);
    }

    /** A, with the product's panel 0 at A panel {@code first}: from {@link #packed} once {@link #pack} has filled it, else in place. */
    MatMulKernel.ASource source(Value first) {
      if (packed == null) return inPlace(first);
      return (l, panel, k, row) -> l.load(packed, List.of(l.add(first, panel), k, l.index(row)));
    }

    private MatMulKernel.ASource inPlace(Value first) {
      return (l, panel, k, row) -> {
        Value q = l.add(l.mul(l.add(first, panel), l.index(mr)), l.index(row));
        Value at = l.add(l.indexCast(l.load(kOffsets, List.of(k))), l.indexCast(l.load(pixelOffsets, List.of(q))));
        return l.load(image, List.of(at));
      };
    }

    /**
     * The range of k of each A panel, {@code first} as in {@link #source} (null when every
     * panel takes all of k): [first valid tap, last valid tap + 1) times the channels, the
     * taps that no pixel of the panel reads inside the image left out.
     */
    MatMulKernel.KRange kRange(Value first) {
      if (ranges == null) return null;
      long bounds = ((MemRefType) ranges.type()).shape()[1];
      return (l, panel, bPanel) -> {
        Value p = l.add(first, panel);
        Value[] range = new Value[Math.toIntExact(bounds)];
        for (int i = 0; i < bounds; i++) range[i] = l.indexCast(l.load(ranges, List.of(p, l.index(i))));
        return range;
      };
    }

    /**
     * x (n x c x h x w) copied into a flat buffer of n x ceil(c / lanes) blocks of hp x wp
     * pixels of {@code lanes} channels each ({@link #blockLanes}), zero in the borders (the last block's lanes past c hold
     * its last channel again: no k reads them). Where a plane per channel gives each k of a
     * panel a cache line of its own, the k of one tap run along a pixel's channels here, so
     * that an A panel of a 3 x 3 window over 64 channels touches some 100 lines instead of 300
     * and stays in L1 beside the B panel.
     */
    private static Value blockedCopy(Loops l, Value x, long[] pd, long hp, long wp, int lanes, boolean beforeParallel) {
      long[] xs = ((MemRefType) x.type()).shape();
      long blocks = Math.ceilDiv(xs[1], lanes);
      Value out = l.alloc(new MemRefType(new long[] {xs[0] * blocks * hp * wp * lanes}, FloatType.F32));
      Value zero = l.constant(0, FloatType.F32);
      long row = wp * lanes;
      // By padded rows, so that an image of few channels (a network's first convolution on
      // 3 channels: one block) is copied on threads too. On threads the rows are the outer
      // loop: each thread then copies the rows of the image that its part of the product
      // reads (the parts split the pixels, and each thread takes its own range of iterations
      // first), where by channel blocks it read them all and the other core's part read what
      // it had copied. Two threads, deployed A/B: DenseNet-121 0.977-0.979, SqueezeNet
      // 0.990-0.992, the U-Net 0.994, Inception-v1 0.997, ResNet-50 0.992-1.002.
      boolean byRows = l.threads() > 1;
      l.parallelForEach(byRows ? new long[] {xs[0], hp, blocks} : new long[] {xs[0], blocks, hp}, row, beforeParallel, nest -> {
        List<Value> iv = byRows ? List.of(nest.get(0), nest.get(2), nest.get(1)) : nest;
        Value start = l.mul(l.add(l.mul(l.add(l.mul(iv.get(0), l.index(blocks)), iv.get(1)), l.index(hp)), iv.get(2)), l.index(row));
        Value y = l.sub(iv.get(2), l.index(pd[0]));
        // Above the image y wraps around to a large unsigned value: one compare finds both borders.
        Value border = l.cmp(CmpIPredicate.UGE, y, l.index(xs[2]));
        IfOp.create(l.builder(), l.location(), border, List.of(), (in, args) -> {
          VectorConv.range(l, 0, row, q -> l.store(zero, out, List.of(l.add(start, q))));
          return List.of();
        }, (in, args) -> {
          copyRow(l, x, out, iv.get(0), iv.get(1), y, start, pd[1], wp, lanes);
          return List.of();
        });
      });
      return out;
    }

    /** Row {@code y} of channel block {@code block} of image {@code image} of x into the blocked copy's row at {@code start}, with its left and right zero borders. */
    private static void copyRow(Loops l, Value x, Value out, Value image, Value block, Value y, Value start, long left, long wp, int lanes) {
      long[] xs = ((MemRefType) x.type()).shape();
      long row = wp * lanes;
      Value zero = l.constant(0, FloatType.F32);
      Value c0 = l.mul(block, l.index(lanes));
      VectorConv.range(l, 0, left * lanes, q -> l.store(zero, out, List.of(l.add(start, q))));
      VectorConv.range(l, (left + xs[3]) * lanes, row, q -> l.store(zero, out, List.of(l.add(start, q))));
      // Groups of lanes pixels: lanes vectors along the pixels (one per channel) transposed
      // into one vector of channels per pixel. Past the last channel, the last block's lanes
      // repeat it: no k reads them.
      VectorType vt = new VectorType(new long[] {lanes}, FloatType.F32);
      long groups = xs[3] / lanes;
      Value[] channel = new Value[lanes];
      for (int lane = 0; lane < lanes; lane++) {
        Value c = l.add(c0, l.index(lane));
        channel[lane] = xs[1] % lanes == 0 ? c : l.select(l.cmp(CmpIPredicate.ULT, c, l.index(xs[1])), c, l.index(xs[1] - 1));
      }
      l.forEach(new long[] {groups}, gv -> {
        Value z0 = l.mul(gv.getFirst(), l.index(lanes));
        Value[] rows = new Value[lanes];
        for (int lane = 0; lane < lanes; lane++) {
          rows[lane] = LoadOp.create(l.builder(), l.location(), vt, x, List.of(image, channel[lane], y, z0)).result();
        }
        Value[] pixelsOut = transpose(l, rows);
        for (int p = 0; p < lanes; p++) {
          Value at = l.add(start, l.mul(l.add(z0, l.index(p + left)), l.index(lanes)));
          StoreOp.create(l.builder(), l.location(), pixelsOut[p], out, List.of(at));
        }
      });
      VectorConv.range(l, groups * lanes, xs[3], zq -> {
        Value at = l.add(start, l.mul(l.add(zq, l.index(left)), l.index(lanes)));
        for (int lane = 0; lane < lanes; lane++) {
          l.store(l.load(x, List.of(image, channel[lane], y, zq)), out, List.of(l.add(at, l.index(lane))));
        }
      });
    }

    /**
     * Whether A reads a subsampled copy of the image ({@link #subsampledCopy}): a 1 x 1 window
     * with a stride and no padding (ResNet's projections at stride 2). Packed from the image
     * itself, the panels' pixels lay two columns apart, and LLVM gathered them
     * ({@code vgatherqps}): 15% of a 1 x 1 512 -> 1024 convolution from 28 x 28 to 14 x 14 on
     * one thread (Zen 5), which with the copy takes 0.87 of its time (deployed A/B). In ResNet-50
     * on one thread (`sol-run --profile`) its three projections took 1.16 -> 1.10, 1.41 -> 1.15
     * and 1.36 -> 1.22 ms; the whole network 0.994-1.001 of its time (deployed A/B, one and two
     * threads).
     */
    static boolean subsamples(ConvOp op, long[] ws) {
      long[] st = op.strides();
      return ws[2] * ws[3] == 1 && st[0] * st[1] > 1 && java.util.Arrays.stream(op.pads()).allMatch(p -> p == 0);
    }

    /**
     * The pixels that a strided 1 x 1 window reads, x[n, c, y * sh, z * sw] for the output
     * pixels (y, z) of {@code os}, dense in a flat buffer of n x c x oh x ow: each row by
     * vectors and shuffles at stride 2 ({@link StridedRow}).
     */
    private static Value subsampledCopy(Loops l, TargetDescription t, Value x, long[] st, long[] os, boolean beforeParallel) {
      long[] xs = ((MemRefType) x.type()).shape();
      long plane = os[2] * os[3];
      Value out = l.alloc(new MemRefType(new long[] {xs[0] * xs[1] * plane}, FloatType.F32));
      l.parallelForEach(new long[] {xs[0], xs[1]}, plane, beforeParallel, iv -> {
        Value base = l.mul(l.add(l.mul(iv.get(0), l.index(xs[1])), iv.get(1)), l.index(plane));
        l.forEach(new long[] {os[2]}, yv -> {
          Value row = l.add(base, l.mul(yv.getFirst(), l.index(os[3])));
          StridedRow.copy(l, t, x, List.of(iv.get(0), iv.get(1), l.mul(yv.getFirst(), l.index(st[0]))), st[1], 0, 0, os[3], out,
              z -> List.of(l.add(row, z)));
        });
      });
      return out;
    }

    /**
     * x (n x c x h x w) copied into a flat buffer of n x c planes of hp x wp with zero borders
     * (pads top, left, bottom, right); on threads whenever the product that reads it is.
     */
    private static Value padded(Loops l, Value x, long[] pd, long hp, long wp, boolean beforeParallel) {
      long[] xs = ((MemRefType) x.type()).shape();
      Value out = l.alloc(new MemRefType(new long[] {xs[0] * xs[1] * hp * wp}, FloatType.F32));
      Value zero = l.constant(0, FloatType.F32);
      l.parallelForEach(new long[] {xs[0], xs[1]}, hp * wp, beforeParallel, iv -> {
        Value base = l.mul(l.add(l.mul(iv.get(0), l.index(xs[1])), iv.get(1)), l.index(hp * wp));
        VectorConv.range(l, 0, pd[0] * wp, q -> l.store(zero, out, List.of(l.add(base, q))));
        VectorConv.range(l, (pd[0] + xs[2]) * wp, hp * wp, q -> l.store(zero, out, List.of(l.add(base, q))));
        l.forEach(new long[] {xs[2]}, yv -> {
          Value row = l.add(base, l.mul(l.add(yv.getFirst(), l.index(pd[0])), l.index(wp)));
          VectorConv.range(l, 0, pd[1], q -> l.store(zero, out, List.of(l.add(row, q))));
          VectorConv.range(l, pd[1] + xs[3], wp, q -> l.store(zero, out, List.of(l.add(row, q))));
          l.forEach(new long[] {xs[3]}, zv -> l.store(l.load(x, List.of(iv.get(0), iv.get(1), yv.getFirst(), zv.getFirst())), out,
              List.of(l.add(row, l.add(zv.getFirst(), l.index(pd[1]))))));
        });
      });
      return out;
    }
  }

  /**
   * Per panel of mr pixels (the last one maybe partial), the taps (of a kh x kw window, in
   * row-major order) that its micro-kernels multiply: [first, last + 1) of the taps under
   * which some pixel of the panel reads inside the image, or one such range for each row of
   * taps where that leaves out a tenth or more of the work: a dilated window's middle taps
   * read padding where its outer ones read inside (DeepLab's 3 x 3 dilated 18 at 33 x 33: the
   * single ranges keep 0.53 of the taps, the ranges per row 0.41, which all read inside).
   * Null when every panel takes every tap. An empty range is [0, 0).
   */
  private static long[] tapRanges(long[] offsets, long kh, long kw, long rows, int mr) {
    long panels = Math.ceilDiv(rows, mr);
    long[] whole = new long[Math.toIntExact(2 * panels)];
    long[] byRows = new long[Math.toIntExact(2 * kh * panels)];
    long wholeTaps = 0;
    long rowTaps = 0;
    for (long p = 0; p < panels; p++) {
      long pixels = Math.min(rows, (p + 1) * mr) - p * mr;
      long[] range = readTaps(offsets, 0, kh * kw, rows, p * mr, pixels);
      whole[(int) (2 * p)] = range[0];
      whole[(int) (2 * p + 1)] = range[1];
      wholeTaps += (range[1] - range[0]) * pixels;
      for (long ty = 0; ty < kh; ty++) {
        long[] row = readTaps(offsets, ty * kw, (ty + 1) * kw, rows, p * mr, pixels);
        byRows[(int) (2 * (p * kh + ty))] = row[0];
        byRows[(int) (2 * (p * kh + ty) + 1)] = row[1];
        rowTaps += (row[1] - row[0]) * pixels;
      }
    }
    if (kh > 1 && rowTaps <= 0.9 * wholeTaps) return byRows;
    return wholeTaps < kh * kw * rows ? whole : null;
  }

  /** [first, last + 1) of taps [from, to) under which one of {@code pixels} pixels from q0 reads inside the image; [0, 0) when none does. */
  private static long[] readTaps(long[] offsets, long from, long to, long rows, long q0, long pixels) {
    long first = -1;
    long last = -1;
    for (long tap = from; tap < to; tap++) {
      boolean read = false;
      for (long q = q0; q < q0 + pixels && !read; q++) read = offsets[Math.toIntExact(tap * rows + q)] >= 0;
      if (read) {
        if (first < 0) first = tap;
        last = tap;
      }
    }
    return first < 0 ? new long[] {0, 0} : new long[] {first, last + 1};
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
