package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.memref.AllocOp;
import dev.sol.dialect.memref.CollapseShapeOp;
import dev.sol.dialect.memref.SubViewOp;
import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.dialect.nn.PoolOp;
import dev.sol.dialect.scf.ForOp;
import dev.sol.dialect.scf.IfOp;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import dev.sol.lowering.nn2loops.GemmPacking.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A 2-D nn.conv on f32 as the matrix product of {@link MatMulKernel}, per image:
 * out (oc x oh*ow) = W (oc x ic*kh*kw) cols (ic*kh*kw x oh*ow), the tiles starting from the
 * bias. Constant weights are packed at compile time. A 1 x 1 convolution with stride 1 and no
 * padding reads the image itself as the k x n matrix; any other copies the taps into the rows
 * of a column matrix first (im2col), one block of output rows at a time. A convolution of
 * several groups is a loop over the groups, each such a product on views of its channels
 * (depthwise ones have their own kernel, {@link DepthwiseConv}). The callers keep their loops
 * for other convolutions.
 */
final class VectorConv {
  private VectorConv() {}

  /** Whether the vector kernels take {@code op} on target {@code t}. */
  static boolean applies(ConvOp op, TargetDescription t) {
    ShapedType x = op.operandType(0);
    return t.vectorizes() && x.element().equals(FloatType.F32) && x.rank() == 4 && !DepthwiseConv.applies(op, t);
  }

  /** Lowers {@code op}; false when it is not for the vector kernels. */
  static boolean conv(ConvOp op, Loops l, Value x, Value w, Value bias, Value out, TargetDescription t, Buffers buffers) {
    if (!applies(op, t)) return false;
    ConstantOp weights = op.operand(1).definingOp() instanceof ConstantOp c ? c : null;
    conv(op, weights, l, x, w, bias, out, t, buffers, null);
    return true;
  }

  /**
   * Lowers {@code op} (which {@link #applies}), its weights packed at compile time when they
   * are the constant {@code weights} (else null), each vector of the result passed through
   * {@code epilogue} (null: none); the epilogue sees output indices [image, channel, y * ow + x].
   */
  static void conv(ConvOp op, ConstantOp weights, Loops l, Value x, Value w, Value bias, Value out, TargetDescription t, Buffers buffers,
      MatMulKernel.Epilogue epilogue) {
    if (op.group() > 1) {
      grouped(op, weights, l, x, w, bias, out, t, buffers, epilogue);
      return;
    }
    Dims d = Dims.of(x, w, out);
    long[] xs = d.xs(), ws = d.ws(), os = d.os();
    WinogradConv.Variant winograd = WinogradConv.variant(op, weights, t, xs, ws, os);
    if (winograd != null) {
      WinogradConv.conv(winograd, op, weights, l, x, bias, out, t, buffers, epilogue);
      return;
    }
    if (turned(op, weights, l, t, d, true)) {
      ChannelLanesConv.conv(op, weights, l, x, w, bias, out, t, buffers, epilogue);
      return;
    }
    boolean tapMajor = weights != null && tapMajor(op, ws);
    product(op, l, x, w, constantPanels(op, weights, l, t, d, tapMajor, buffers), tapMajor, bias, out, t, buffers, epilogue);
  }

  /** Constant {@code weights} packed at compile time for {@link #product} (k in tap-major order when {@code tapMajor}); null without them. */
  private static Value constantPanels(ConvOp op, ConstantOp weights, Loops l, TargetDescription t, Dims d, boolean tapMajor, Buffers buffers) {
    if (weights == null) return null;
    long[] ws = d.ws();
    DenseElementsAttr wv = tapMajor ? GemmPacking.tapMajor(weights.value(), d.m(), ws[1], ws[2] * ws[3]) : weights.value();
    return buffers.table(l, GemmPacking.packConstantA(packing(op, t, ws, d.os()), wv, d.m(), d.k()), op);
  }

  /**
   * Whether {@code op} (one group, no Winograd) takes the turned product of
   * {@link ChannelLanesConv} rather than the usual one of {@link #product}: by their estimated
   * costs, the turned one's with copying its product out into planes when {@code copiesOut}.
   */
  private static boolean turned(ConvOp op, ConstantOp weights, Loops l, TargetDescription t, Dims d, boolean copiesOut) {
    long[] xs = d.xs(), ws = d.ws(), os = d.os();
    long m = d.m(), k = d.k(), n = d.n();
    boolean direct = direct(op, ws);
    long rows = blockRows(op, t, ws, os);
    boolean shifted = !direct && shifted(op, l, t, xs, ws, os);
    long columns = direct || shifted ? n : rows * os[3];
    // Strided copies read the image element by element: about two cycles each.
    long copies = direct ? 0 : shifted ? shiftedSize(op, xs, ws, os) * (op.strides()[0] * op.strides()[1] == 1 ? 1 : 2) : k * n;
    // With constant weights both products skip taps that read only padding, the usual one whole
    // rows of taps for B panels in the top or bottom output rows, the turned one any leading or
    // trailing taps of an A panel's pixels.
    boolean skips = weights != null && ws[2] * ws[3] > 1;
    double usualKept = skips && shifted ? keptTaps(op, xs, ws, os, packing(op, t, ws, os).forColumns(t, columns, k).nr(), true) : 1;
    double turnedKept = skips ? keptTaps(op, xs, ws, os, KernelShape.choose(t, xs[0] * n, m, k).mr(), false) : 1;
    return ChannelLanesConv.better(t, m, k, ChannelLanesConv.packsA(t, op, ws, os), shifted, !implicit(op, ws), columns, copies, xs[0], n, ChannelLanesConv.ImageRows.paddedSize(op, xs), usualKept, turnedKept,
        copiesOut);
  }

  /**
   * Whether {@link #conv} takes {@code op} by the usual or the turned product: the vector
   * kernels, one group, no Winograd ({@code xs}, {@code ws}, {@code os}: the shapes of the
   * input, the weights and the result).
   */
  private static boolean byProduct(ConvOp op, ConstantOp weights, TargetDescription t, long[] xs, long[] ws, long[] os) {
    return applies(op, t) && op.group() == 1 && WinogradConv.variant(op, weights, t, xs, ws, os) == null;
  }

  /**
   * Whether the rows of {@code op}'s result (of shape {@code os}) can be pooled as its product
   * makes them ({@link ConvPool}): one group, where the usual product goes over shifted copies
   * of the image ({@link #shiftedRows}), also where the turned one ({@link ChannelLanesConv})
   * would be taken without the pool. (Deployed A/B against the turned product and a pool of its
   * own: Inception-v1 0.975 on one thread, a 7 x 7 stem with its pool 0.96; on two threads
   * ResNet-50 1.004, SqueezeNet 0.976.)
   */
  static boolean poolsRows(ConvOp op, ConstantOp weights, Loops l, TargetDescription t, long[] xs, long[] ws, long[] os) {
    return byProduct(op, weights, t, xs, ws, os) && !direct(op, ws) && shifted(op, l, t, xs, ws, os);
  }

  /**
   * {@code op} (which {@link #poolsRows}) with the max pool {@code pool} after it, whose result
   * is {@code out}: the product makes the convolution's rows band by band, and each band
   * is pooled from the thread's scratch into {@code out}.
   */
  static void pooled(ConvOp op, ConstantOp weights, Loops l, Value x, Value w, Value bias, PoolOp pool, Value out, TargetDescription t, Buffers buffers,
      MatMulKernel.Epilogue epilogue) {
    long[] xs = ((MemRefType) x.type()).shape();
    long[] ws = ((MemRefType) w.type()).shape();
    long[] os = ((ShapedType) op.result(0).type()).shape();
    Dims d = Dims.of(xs, ws, os);
    boolean tapMajor = weights != null && tapMajor(op, ws);
    Value pa = weights != null ? constantPanels(op, weights, l, t, d, tapMajor, buffers) : packWeights(l, packing(op, t, ws, os), w, d.m(), d.k());
    boolean byImages = imagesOnThreads(l, xs[0], (double) d.m() * d.n() * d.k() * xs[0] / t.vectorWidth());
    KernelShape whole = panelCopies(t, packing(op, t, ws, os).forColumns(t, d.n(), d.k()), d.m(), d.k());
    GemmThreads split = GemmThreads.choose(l, whole, d.m(), d.n(), d.k());
    boolean onThreads = !byImages && (split.rows() || split.columns());
    ConvPool pooled = ConvPool.of(pool, out, os, onThreads ? l.threads() : 1, t);
    pooledRows(op, l, x, ws, os, t, buffers, pa, tapMajor, biasInit(bias), epilogue, byImages, onThreads, pooled);
  }

  /**
   * Whether {@code op} followed by the mean of each output plane (a global average pool) can be
   * made as one kernel ({@link ChannelLanesConv#mean}): one group, no Winograd, and the turned
   * product, spared its copy out, estimated cheaper than the usual one, which would write the
   * result for the pool to read back. {@code xs}, {@code ws}, {@code os}: the shapes of the
   * input, the weights and the convolution's result.
   */
  static boolean meansTurned(ConvOp op, ConstantOp weights, Loops l, TargetDescription t, long[] xs, long[] ws, long[] os) {
    return byProduct(op, weights, t, xs, ws, os) && turned(op, weights, l, t, Dims.of(xs, ws, os), false);
  }

  /** Tiles that start from {@code bias} at their rows (output channels), or from zero without one. */
  private static MatMulKernel.TileInit biasInit(Value bias) {
    return bias == null ? MatMulKernel.ZERO
        : (in, row, col, type, masked) -> BroadcastOp.create(in.builder(), in.location(), type, in.load(bias, List.of(row))).result();
  }

  /**
   * Whether constant weights are packed with k in tap-major order (tap, channel): for the
   * shifted-rows product, where the rows of taps that read only padding for every pixel of a B
   * panel are then a prefix or suffix of k that its micro-kernels skip. A strided convolution
   * takes the same order when it goes in bands on threads (im2col's rows tap-major too), so that
   * one and two threads add its terms in one order and give the same results bit for bit.
   */
  private static boolean tapMajor(ConvOp op, long[] ws) {
    return ws[2] * ws[3] > 1 && implicit(op, ws);
  }

  /**
   * The share of an image's pixels x taps that a product of {@code op} multiplies when each
   * panel of {@code panel} consecutive output pixels skips the taps before the first and after
   * the last (in tap-major order) that read inside the image for one of its pixels, rounded out
   * to whole rows of taps when {@code wholeRows}.
   */
  static double keptTaps(ConvOp op, long[] xs, long[] ws, long[] os, long panel, boolean wholeRows) {
    long[] st = op.strides();
    long[] dl = op.dilations();
    long[] pd = op.pads();
    long kh = ws[2];
    long kw = ws[3];
    long pixels = os[2] * os[3];
    long kept = 0;
    for (long p0 = 0; p0 < pixels; p0 += panel) {
      long lo = Long.MAX_VALUE;
      long hi = -1;
      for (long p = p0; p < Math.min(p0 + panel, pixels); p++) {
        long[] is = inside(kh, xs[2], dl[0], p / os[3] * st[0] - pd[0]);
        long[] js = inside(kw, xs[3], dl[1], p % os[3] * st[1] - pd[1]);
        if (is[0] == is[1] || js[0] == js[1]) continue;
        lo = Math.min(lo, wholeRows ? is[0] * kw : is[0] * kw + js[0]);
        hi = Math.max(hi, wholeRows ? is[1] * kw : (is[1] - 1) * kw + js[1]);
      }
      if (hi > lo) kept += (hi - lo) * (Math.min(p0 + panel, pixels) - p0);
    }
    return (double) kept / (pixels * kh * kw);
  }

  /** The shapes of a convolution's image, weights and result, and its product's m x k by k x n (one image, one group of weights). */
  private record Dims(long[] xs, long[] ws, long[] os, long m, long k, long n) {
    static Dims of(Value x, Value w, Value out) {
      return of(((MemRefType) x.type()).shape(), ((MemRefType) w.type()).shape(), ((MemRefType) out.type()).shape());
    }

    static Dims of(long[] xs, long[] ws, long[] os) { return new Dims(xs, ws, os, ws[0], ws[1] * ws[2] * ws[3], os[2] * os[3]); }
  }

  /** Whether {@code op} reads the image itself as the k x n matrix: 1 x 1, stride 1, no padding. */
  private static boolean direct(ConvOp op, long[] ws) {
    long[] st = op.strides();
    long[] pd = op.pads();
    return ws[2] == 1 && ws[3] == 1 && st[0] == 1 && st[1] == 1 && pd[0] == 0 && pd[1] == 0 && pd[2] == 0 && pd[3] == 0;
  }

  /**
   * The tile the weights (ws, m x k once collapsed) are packed for: that of the product of one
   * block of output rows ({@link #blockRows}). Every product over them keeps its rows, taking
   * {@link KernelShape#forColumns} for other numbers of columns (a band, the last block, the
   * whole image of the shifted copies); {@code MatMulKernel} checks that they match.
   */
  private static KernelShape packing(ConvOp op, TargetDescription t, long[] ws, long[] os) {
    return KernelShape.choose(t, ws[0], blockRows(op, t, ws, os) * os[3], ws[1] * ws[2] * ws[3]);
  }

  /**
   * The output rows of a block of the column matrix. The column matrix of a whole image can be
   * far larger than the caches (115 MB for a 3 x 3 convolution of 64 channels at 224 x 224),
   * and writing it out only to read it back made such layers memory-bound. It is built for a
   * block of output rows at a time instead, as many as fit in the L2 cache, and the product of
   * each block follows at once.
   */
  private static long blockRows(ConvOp op, TargetDescription t, long[] ws, long[] os) {
    long k = ws[1] * ws[2] * ws[3];
    return direct(op, ws) ? os[2] : Math.max(1, Math.min(os[2], t.l2Bytes() / (4 * k * os[3])));
  }

  /**
   * A convolution of several groups: a loop over the groups, each the product of its output
   * channels' weights with its input channels, on views (memref.subview) of the image, the
   * weights, the bias and the result; the epilogue sees the result's own channel. Constant
   * weights are packed at compile time, group after group, into one table. The product's
   * scratch buffers are allocated once, before the loop, and shared by the groups.
   */
  private static void grouped(ConvOp op, ConstantOp weights, Loops l, Value x, Value w, Value bias, Value out, TargetDescription t,
      Buffers buffers, MatMulKernel.Epilogue epilogue) {
    long groups = op.group();
    Dims d = Dims.of(x, w, out);
    long[] xs = d.xs();
    long[] ws = d.ws();
    long[] os = d.os();
    long inPerGroup = ws[1];
    long outPerGroup = ws[0] / groups;
    long k = d.k();
    long[] groupWeights = {outPerGroup, ws[1], ws[2], ws[3]};
    int mr = packing(op, t, groupWeights, os).mr();
    long panels = (outPerGroup + mr - 1) / mr;
    boolean tapMajor = weights != null && tapMajor(op, ws);
    DenseElementsAttr wv = weights == null ? null : tapMajor ? GemmPacking.tapMajor(weights.value(), ws[0], ws[1], ws[2] * ws[3]) : weights.value();
    Value table = weights == null ? null : buffers.table(l, GemmPacking.packConstantAGroups(mr, wv, groups, outPerGroup, k), op);
    Builder b = l.builder();
    long dyn = ShapedType.DYNAMIC;
    java.util.function.BiConsumer<Loops, Value> group = (lg, g) -> {
      Value ic = lg.mul(g, lg.index(inPerGroup));
      Value oc = lg.mul(g, lg.index(outPerGroup));
      Value xg = SubViewOp.create(b, l.location(), x, new long[] {0, dyn, 0, 0}, List.of(ic), new long[] {xs[0], inPerGroup, xs[2], xs[3]}).result();
      Value wg = SubViewOp.create(b, l.location(), w, new long[] {dyn, 0, 0, 0}, List.of(oc), groupWeights).result();
      Value og = SubViewOp.create(b, l.location(), out, new long[] {0, dyn, 0, 0}, List.of(oc), new long[] {os[0], outPerGroup, os[2], os[3]})
          .result();
      Value bg = bias == null ? null : SubViewOp.create(b, l.location(), bias, new long[] {dyn}, List.of(oc), new long[] {outPerGroup}).result();
      Value pa = table == null ? null
          : SubViewOp.create(b, l.location(), table, new long[] {dyn, 0, 0}, List.of(lg.mul(g, lg.index(panels))), new long[] {panels, k, mr}).result();
      MatMulKernel.Epilogue eg = epilogue == null ? null : epilogue.remapped((in2, at) -> List.of(at.get(0), in2.add(at.get(1), oc), at.get(2)));
      product(op, lg, xg, wg, pa, tapMajor, bg, og, t, buffers, eg);
    };
    // Many groups go to the threads as runs of whole groups, each thread's product on one
    // thread with scratch of its own: a group's product is too small to split (ResNeXt-50's
    // 32 groups of 16 channels at 14 x 14 take 0.45 M multiply-adds each), and the loop over the
    // groups, each product on one thread, took as long on two threads as on one.
    // Groups that do not split evenly (3 on two threads) do so where a group's product is too
    // small to split itself.
    long parts = l.threads();
    double groupWork = (double) outPerGroup * k * os[2] * os[3] * xs[0] / t.vectorWidth();
    if (parts > 1 && groups >= parts && l.worthParallel(groupWork * groups) && (groups % parts == 0 || !l.worthParallel(groupWork))) {
      l.parallelFor(l.index(0), l.index(parts), l.index(1), p -> {
        Loops part = l.inPart(p, parts);
        Loops.Run run = part.runOf(p, groups, parts);
        range(part, run.from(), run.to(), g -> group.accept(part, g));
      });
      return;
    }
    ForOp loop = ForOp.create(b, l.location(), l.index(0), l.index(groups), l.index(1), List.of(), (in, g, args) -> {
      group.accept(l, g);
      return List.of();
    });
    for (Operation inner : new ArrayList<>(loop.body().operations())) {
      if (inner instanceof AllocOp a && a.operands().isEmpty()) a.moveBefore(loop);
    }
  }

  /**
   * The product of one group: out = w x (the image's columns), from the packed weights
   * {@code pa} (null: packed here from {@code w}), whose k is in tap-major order when {@code tapMajor}.
   */
  private static void product(ConvOp op, Loops l, Value x, Value w, Value packed, boolean tapMajor, Value bias, Value out, TargetDescription t,
      Buffers buffers, MatMulKernel.Epilogue epilogue) {
    Dims d = Dims.of(x, w, out);
    long[] xs = d.xs(), ws = d.ws(), os = d.os();
    long m = d.m(), k = d.k(), n = d.n();
    boolean direct = direct(op, ws);
    long oh = os[2];
    long ow = os[3];
    long rows = blockRows(op, t, ws, os);
    KernelShape s = packing(op, t, ws, os);
    Builder b = l.builder();
    Value pa = packed != null ? packed : packWeights(l, s, w, m, k);
    Value images = CollapseShapeOp.create(b, l.location(), x, new int[] {0}, new int[] {1}, new int[] {2, 3}).result();
    Value planes = CollapseShapeOp.create(b, l.location(), out, new int[] {0}, new int[] {1}, new int[] {2, 3}).result();
    MatMulKernel.TileInit init = biasInit(bias);
    // A batch of as many images for each thread goes to them as whole images in the 1 x 1 and
    // shifted-copies paths, each product on one thread (scratch buffers one per thread): split
    // inside each image, SqueezeNet's 1 x 1
    // products at 13 x 13 (48-256 x 169 by 48-512) took as long on two threads as on one.
    boolean byImages = imagesOnThreads(l, xs[0], (double) m * n * k * xs[0] / t.vectorWidth());
    if (direct) {
      // Rows of an image whose length the vector width does not divide start off vector
      // alignment, and every B vector read in place then spans two cache lines: packed into
      // panels, SqueezeNet's last 1 x 1 convolution (1000 x 169 by 512) ran 10% faster. Packing
      // costs one pass over the image, which pays when many A panels read each B panel. Not
      // when one image's product is split across threads: the pack is one thread's work while
      // the others wait, where the panel copies below are made inside each thread's part
      // (deployed A/B on two threads: SqueezeNet 0.955-0.973, ShuffleNet v2 0.948, MobileNet-v2
      // 0.967).
      GemmThreads threads = GemmThreads.choose(l, s, m, n, k);
      boolean split = !byImages && (threads.rows() || threads.columns());
      if (n % t.vectorWidth() != 0 && m >= 8L * s.mr() && !split) {
        long[] panels = GemmPacking.typeOfB(s, k, n).shape();
        long parts = byImages ? l.threads() : 1;
        Loops.Slots slots = l.slots(parts, panels[0], new long[] {panels[1], panels[2]}, FloatType.F32);
        long stride = slots.stride();
        Value packedB = slots.buffer();
        eachImage(l, xs[0], byImages, (li, part, image) -> {
          Value pb = parts == 1 ? packedB : slot(li, packedB, part, stride, panels);
          GemmPacking.packB(li, s, new Matrix(images, List.of(image), false), k, n, pb);
          MatMulKernel.emit(li, s, m, n, k, pa, MatMulKernel.packed(pb), planes, List.of(image), init, null, epilogue);
        });
        return;
      }
      // Rows of B (channels) lie an image plane apart (a page or more in large planes): each B
      // panel is copied for its A panels (1x1 64 -> 256 channels at 56 x 56 with a residual add, AVX2:
      // 2.06 ms against ONNX Runtime's 1.16 in place).
      KernelShape sc = panelCopies(t, s, m, k);
      eachImage(l, xs[0], byImages, (li, part, image) -> MatMulKernel.emit(li, sc, m, n, k, pa,
          new MatMulKernel.PanelCopied(MatMulKernel.rows(images, List.of(image), sc.nr())), planes, List.of(image), init, null, epilogue));
      return;
    }
    if (shifted(op, l, t, xs, ws, os)) {
      long band = byImages ? 0 : copiesBand(op, l, t, xs, ws, os);
      if (band > 0) bandsOfCopies(op, l, x, ws, os, t, buffers, pa, tapMajor, init, planes, epilogue, band);
      else shiftedRows(op, l, x, ws, os, t, buffers, pa, tapMajor, init, planes, epilogue, byImages);
      return;
    }
    long band = bandRows(l, xs[0], oh, rows, (double) m * n * k * xs[0] / t.vectorWidth());
    if (band > 0) {
      bands(op, l, x, ws, os, t, pa, tapMajor, init, planes, band, epilogue);
      return;
    }
    Value cols = l.alloc(new MemRefType(new long[] {k, rows * ow}, FloatType.F32));
    KernelShape last = s.forColumns(t, oh % rows * ow, k);
    l.forEach(new long[] {xs[0]}, iv -> {
      Value image = iv.getFirst();
      Consumer<Value> block = y0 -> {
        im2col(l, t, op, x, image, ws, os, y0, rows, cols, List.of(), tapMajor);
        MatMulKernel.emit(l, s, m, rows * ow, k, pa, MatMulKernel.rows(cols, List.of(), s.nr()), planes, List.of(image), init, l.mul(y0, l.index(ow)), epilogue);
      };
      if (oh / rows > 1) {
        ForOp.create(b, l.location(), l.index(0), l.index(oh / rows * rows), l.index(rows), List.of(), (in, y0, args) -> {
          block.accept(y0);
          return List.of();
        });
      } else {
        block.accept(l.index(0));
      }
      if (oh % rows != 0) {
        Value y0 = l.index(oh / rows * rows);
        im2col(l, t, op, x, image, ws, os, y0, oh % rows, cols, List.of(), tapMajor);
        MatMulKernel.emit(l, last, m, oh % rows * ow, k, pa, MatMulKernel.rows(cols, List.of(), last.nr()), planes, List.of(image), init,
            l.mul(y0, l.index(ow)), epilogue);
      }
    });
  }

  /**
   * The output rows of a band when the threads take bands of output rows ({@link #inBands}):
   * at most {@code rows} (what fits in L2), in a number of bands per image that is a multiple
   * of the threads when there is one image, so that the parts come out even; 0 when the
   * product is too small for threads or the bands would leave a thread idle.
   */
  private static long bandRows(Loops l, long images, long oh, long rows, double work) {
    if (!l.worthParallel(work)) return 0;
    int threads = l.threads();
    long bands = Math.ceilDiv(oh, rows);
    if (images == 1) bands = Math.ceilDiv(bands, threads) * threads;
    long band = Math.ceilDiv(oh, bands);
    long pieces = images * Math.ceilDiv(oh, band);
    return pieces >= threads && (double) pieces / (threads * Math.ceilDiv(pieces, threads)) >= 0.75 ? band : 0;
  }

  /** The work of one image on part {@code part}'s buffers, its loops {@code l}. */
  @FunctionalInterface
  private interface ImageBody {
    void emit(Loops l, Value part, Value image);
  }

  /** Whether a batch of {@code images} goes to the threads as whole images: as many for each, and work enough for threads. */
  private static boolean imagesOnThreads(Loops l, long images, double work) {
    return l.threads() > 1 && images % l.threads() == 0 && l.worthParallel(work);
  }

  /**
   * {@code body} for each image: when {@code byImages}, one parallel loop over as many parts as
   * threads, each doing its run of images on serial loops as part p; else a loop over the
   * images on {@code l}'s threads, as part 0.
   */
  private static void eachImage(Loops l, long images, boolean byImages, ImageBody body) {
    if (!byImages) {
      l.forEach(new long[] {images}, iv -> body.emit(l, l.index(0), iv.getFirst()));
      return;
    }
    long parts = l.threads();
    long perPart = images / parts;
    Loops serial = l.serial();
    l.parallelFor(l.index(0), l.index(parts), l.index(1), p -> range(serial, l.mul(p, l.index(perPart)), l.mul(l.add(p, l.index(1)), l.index(perPart)),
        image -> body.emit(serial, p, image)));
  }

  /**
   * Part {@code part}'s slot of {@code shape} in {@code buffer}, which holds one such slot per
   * part along its first dimension, {@code stride} rows apart ({@link Loops#slots}).
   */
  private static Value slot(Loops l, Value buffer, Value part, long stride, long[] shape) {
    long[] offsets = new long[shape.length];
    offsets[0] = ShapedType.DYNAMIC;
    return SubViewOp.create(l.builder(), l.location(), buffer, offsets, List.of(l.mul(part, l.index(stride))), shape).result();
  }

  /** The work of one band: {@code rows} output rows from {@code y0} of {@code image}, on part {@code part}'s buffers. */
  @FunctionalInterface
  private interface Band {
    void emit(Loops serial, Value part, Value image, Value y0, long rows);
  }

  /**
   * Bands of {@code band} output rows on threads: one parallel loop over as many parts as
   * threads, each taking a run of the (image, band) pairs, in order, and doing each band's work
   * on buffers of its own (the last band of an image has the rows that are left). Whatever a
   * band's product writes is read back by the same core: when the threads split each block's
   * product instead, each read the half of the column matrix that the other core had just
   * written, from that core's cache, and ResNet-50's 7 x 7 stem ran slower on two
   * threads than on one.
   */
  private static void inBands(Loops l, long images, long oh, long band, Band body) {
    long perImage = Math.ceilDiv(oh, band);
    long tail = oh - (perImage - 1) * band;
    long pieces = images * perImage;
    long parts = l.threads();
    Loops serial = l.serial();
    l.parallelFor(l.index(0), l.index(parts), l.index(1), p -> {
      Loops.Run run = l.runOf(p, pieces, parts);
      Value from = run.from();
      Value to = run.to();
      range(serial, from, to, piece -> {
        Value image = images == 1 ? l.index(0) : l.divui(piece, l.index(perImage));
        Value j = images == 1 ? piece : l.remui(piece, l.index(perImage));
        Value y0 = l.mul(j, l.index(band));
        if (tail == band) {
          body.emit(serial, p, image, y0, band);
          return;
        }
        IfOp.create(l.builder(), l.location(), l.cmp(CmpIPredicate.EQ, j, l.index(perImage - 1)), List.of(), (in, args) -> {
          body.emit(serial, p, image, y0, tail);
          return List.of();
        }, (in, args) -> {
          body.emit(serial, p, image, y0, band);
          return List.of();
        });
      });
    });
  }

  /**
   * The column-matrix product on threads, in bands ({@link #inBands}): each part builds its
   * band's column matrix in a buffer of its own and multiplies it on its own. The product writes
   * a view of the band, so that the masked stores of its last columns end with the band: into
   * the whole plane, their lanes past it would write the next band's first columns, which
   * another thread may have finished.
   */
  private static void bands(ConvOp op, Loops l, Value x, long[] ws, long[] os, TargetDescription t, Value pa, boolean tapMajor, MatMulKernel.TileInit init,
      Value planes, long band, MatMulKernel.Epilogue epilogue) {
    long ow = os[3];
    long m = ws[0];
    long k = ws[1] * ws[2] * ws[3];
    Value cols = l.allocSlots(l.threads(), new long[] {k, band * ow}, FloatType.F32);
    KernelShape packing = packing(op, t, ws, os);
    inBands(l, os[0], os[2], band, (serial, p, image, y0, rows) -> {
      im2col(serial, t, op, x, image, ws, os, y0, rows, cols, List.of(p), tapMajor);
      Value first = l.mul(y0, l.index(ow));
      KernelShape s = packing.forColumns(t, rows * ow, k);
      MatMulKernel.emit(serial, s, m, rows * ow, k, pa, MatMulKernel.rows(cols, List.of(p), s.nr()), band(l, planes, image, first, m, rows * ow),
          List.of(l.index(0)), init, null, inBand(epilogue, image, first));
    });
  }

  /** The view [image, 0:m, first:first + columns] of {@code planes}. */
  private static Value band(Loops l, Value planes, Value image, Value first, long m, long columns) {
    long dyn = ShapedType.DYNAMIC;
    return SubViewOp.create(l.builder(), l.location(), planes, new long[] {dyn, 0, dyn}, List.of(image, first), new long[] {1, m, columns})
        .result();
  }

  /**
   * {@code epilogue} (null: none) for a product written into {@link #band} or a pooled band
   * ({@link ConvPool}) of {@code image} from pixel {@code first}: the indices it sees are the
   * planes' again.
   */
  static MatMulKernel.Epilogue inBand(MatMulKernel.Epilogue epilogue, Value image, Value first) {
    if (epilogue == null) return null;
    return epilogue.remapped((in, at) -> List.of(image, at.get(1), in.add(at.get(2), first)));
  }

  /**
   * {@code usual} with blocks of k for a product whose B panels are copied
   * ({@link MatMulKernel.PanelCopied}): as long as a panel copy may be (VGG-19's 3x3
   * convolutions of 256 and 512 channels, k = 2304 and 4608, in blocks of 1152 and 1536 read B
   * in place on AVX2, at half the speed of ONNX Runtime's), and short enough (down to 128) that
   * all A panels of a block fit in half of L2: one block of A then, and each B panel copied
   * once per block of k (in blocks of A the copies of 256 x 256 channels at 56 x 56 took a
   * fifth of the layer, copied four times; AVX2: 50 -> 44 ms, ONNX Runtime 41).
   */
  static KernelShape panelCopies(TargetDescription t, KernelShape usual, long m, long k) {
    if (!MatMulKernel.copiesPanels(usual, m)) return usual;
    long copyRows = MatMulKernel.MAX_PANEL_COPY_BYTES / (4L * usual.nr()) / 8 * 8;
    long allA = Math.max(128, t.l2Bytes() / 2 / (4L * Math.ceilDiv(m, usual.mr()) * usual.mr()) / 8 * 8);
    return usual.blockedK(t, k, Math.min(usual.kc(), Math.min(copyRows, allA)));
  }

  /** The weights {@code w} (m x k once collapsed), packed at run time. */
  private static Value packWeights(Loops l, KernelShape s, Value w, long m, long k) {
    Value pa = l.alloc(GemmPacking.typeOfA(s, m, k));
    Value matrix = CollapseShapeOp.create(l.builder(), l.location(), w, new int[] {0}, new int[] {1, 2, 3}).result();
    GemmPacking.packA(l, s, new Matrix(matrix, List.of(), false), m, k, 1, pa);
    return pa;
  }

  /**
   * Whether {@code op} multiplies without a column matrix: no dilation, where the taps' rows of
   * the column matrix are rows of a few shifted copies of the image ({@link #shiftedRows}).
   * im2col wrote and read back kh * kw copies of the image, which for a product with few output
   * channels cost as much as the multiplication.
   */
  private static boolean implicit(ConvOp op, long[] ws) {
    long[] dl = op.dilations();
    return dl[0] == 1 && dl[1] == 1;
  }

  /**
   * Whether the usual product of {@code op} multiplies the shifted copies of the image
   * ({@link #shiftedRows}): without dilation, and with a stride only when the window is large,
   * the image has few channels, the weights outnumber the copies, or the product is not split
   * into bands for threads
   * ({@link #inBands}; on two threads a strided convolution runs some 5-10% faster in bands,
   * where one thread takes 1.23 ms with im2col and 1.10 ms on the copies for ResNet-50's 7 x 7
   * stem).
   */
  private static boolean shifted(ConvOp op, Loops l, TargetDescription t, long[] xs, long[] ws, long[] os) {
    if (!implicit(op, ws)) return false;
    long[] st = op.strides();
    // A large window takes the copies on threads too: im2col unrolls its taps, and ResNet-50's
    // 7 x 7 stem in bands was one 46 KB function that took LLVM's backend most of a second
    // (codegen 0.9 -> 0.3 s; the stem itself 0.77 -> 0.86 ms on two threads).
    // So do few channels (a network's first convolution), whose copies the threads build in
    // bands of copy rows or one by one (shiftedRows): SqueezeNet's 3 x 3 stride-2 stem on two
    // threads took 0.82 of its time in bands of im2col.
    if (st[0] == 1 && st[1] == 1 || ws[2] * ws[3] > 9 || fewChannels(l, xs[1])) return true;
    // So do weights larger than the copies: in bands every thread multiplies all the weights for
    // its band, where the whole image's product splits them between the threads (ResNet-50's
    // 1 x 1 projection at stride 2, 1024 -> 2048 at 14 x 14, has 8 MB of weights for 200 KB of
    // copies; on two threads its strided layers took 0.91-0.97 of their time, the network 0.994-0.997).
    if (ws[0] * ws[1] * ws[2] * ws[3] > shiftedSize(op, xs, ws, os)) return true;
    double work = (double) ws[0] * ws[1] * ws[2] * ws[3] * os[2] * os[3] * xs[0] / t.vectorWidth();
    return bandRows(l, xs[0], os[2], blockRows(op, t, ws, os), work) == 0;
  }

  /** Whether an image of {@code channels} channels has too few for the threads to share out its shifted copies by channels. */
  private static boolean fewChannels(Loops l, long channels) {
    return l.threads() > 1 && channels < 4L * l.threads();
  }

  /** The row phases of {@link #shiftedRows}: the input rows y * sh + i of the taps i fall into min(sh, kh) classes mod sh. */
  private static long phases(ConvOp op, long[] ws) { return Math.min(op.strides()[0], ws[2]); }

  /** The rows of each shifted copy of {@link #shiftedRows}: the padded image's rows of one phase. */
  private static long copyRows(ConvOp op, long[] xs) {
    long[] pd = op.pads();
    return Math.ceilDiv(xs[2] + pd[0] + pd[2], op.strides()[0]);
  }

  /** The elements of an image's shifted copies ({@link #shiftedRows}). */
  private static long shiftedSize(ConvOp op, long[] xs, long[] ws, long[] os) {
    return ws[3] * phases(op, ws) * xs[1] * copyRows(op, xs) * os[3];
  }

  /**
   * Per image: copies of each channel, one per tap column j and row phase p < min(sh, kh):
   * copy (j, p, c) row yy, column x holds the padded image's element at row yy * sh + p,
   * column x * sw + j (zeros in the padding: the copy is the image shifted by j - pw columns,
   * with zeros shifted in, of rows of one phase). Tap (i, j) of output (y, x) reads padded row
   * y * sh + i = (y + i / sh) * sh + i % sh, so row (i, j, c) of B is copy (j, i % sh, c)
   * read from row i / sh on ({@link MatMulKernel.ShiftedRows}): column q = y * ow + x of the
   * product is output (y, x) itself, and out (m x oh * ow) = W x (those rows) is written
   * straight into the result's planes through the epilogue. A row of taps reads only padding
   * for the top and bottom output rows; with {@code tapMajor} weights the B panels that lie in
   * those rows skip it. With stride 1 there is one phase: kw copies of each channel.
   *
   * <p>One padded copy of the image (the columns of the product then y * wp + x, wp the padded
   * width) needs a third of the copying, but computes wp - ow columns of every wp that are no
   * output, and puts the product into a buffer of its own from which the valid columns are
   * copied out: at 55 x 55 with 16 channels the copy-out took 6% and the dropped columns 5% of
   * the layer, where the shifted copies take 2%. A strided convolution's im2col copies kh * kw
   * / min(sh, kh) times as much: 3.5 times for a 7 x 7 stem with stride 2.
   *
   * <p>With {@code byImages} the threads take whole images ({@link #eachImage}), each with copies of its own.
   */
  private static void shiftedRows(ConvOp op, Loops l, Value x, long[] ws, long[] os, TargetDescription t, Buffers buffers, Value pa,
      boolean tapMajor, MatMulKernel.TileInit init, Value planes, MatMulKernel.Epilogue epilogue, boolean byImages) {
    long[] xs = ((MemRefType) x.type()).shape();
    long[] pd = op.pads();
    long[] st = op.strides();
    long channels = xs[1];
    long kh = ws[2];
    long kw = ws[3];
    long phases = phases(op, ws);
    long rows = copyRows(op, xs);
    long oh = os[2];
    long ow = os[3];
    long m = ws[0];
    long k = channels * kh * kw;
    long n = oh * ow;
    KernelShape s = panelCopies(t, packing(op, t, ws, os).forColumns(t, n, k), m, k);
    // The last vector of a row of B may read up to a vector past the last plane: slack of zeros.
    long size = shiftedSize(op, xs, ws, os);
    // With byImages (see product) each thread makes its own copies: SqueezeNet at batch 4 on two
    // threads, 0.97 of its time.
    long parts = byImages ? l.threads() : 1;
    long[] slot = {size + t.vectorWidth()};
    Loops.Slots slots = l.slots(parts, slot[0], new long[0], FloatType.F32);
    long stride = slots.stride();
    Value copies = slots.buffer();
    MatMulKernel.KRange kRange = tapMajor ? paddingTaps(op, xs, ws, ow, null, n, s.nr()) : null;
    Value rowOffsets = rowOffsets(op, l, ws, rows, ow, tapMajor, buffers);
    GemmThreads split = GemmThreads.choose(l, s, m, n, k);
    boolean productParallel = !byImages && (split.rows() || split.columns());
    ImageBody body = (li, part, image) -> {
      Value shifted = parts == 1 ? copies : slot(li, copies, part, stride, slot);
      Value zero = li.constant(0, FloatType.F32);
      range(li, size, size + t.vectorWidth(), q -> li.store(zero, shifted, List.of(q)));
      // With few channels (a network's first convolution: 3) the threads do not take whole
      // channels (split by channels, one thread of two copied two of the three while the other
      // waited). Where they split the product's columns, output rows in order, each makes the
      // band of copy rows that its columns read (of all copies), so that it reads its B panels
      // from its own core's cache, not half of them from the other's (SqueezeNet's stem on two
      // threads 0.95 of its time); otherwise they take the copies one by one, (channel, tap
      // column, phase). (Copies of more channels in bands of rows were slower: OCR CNN
      // 1.006-1.022, ResNet-50 1.021, twelfth session.)
      boolean byCopy = productParallel && fewChannels(li, channels);
      List<ShiftedCopy> copyPlanes = ShiftedCopy.all(op, xs, kw, phases, rows, ow);
      if (byCopy && split.columns()) {
        long threads = li.threads();
        Loops serial = li.serial();
        li.parallelFor(li.index(0), li.index(threads), li.index(1), band -> {
          Loops.Run run = li.runOf(band, rows, threads);
          Value r0 = run.from();
          Value r1 = run.to();
          copyBand(serial, t, x, image, copyPlanes, channels, shifted, serial.index(0), rows, serial.index(0), r0, r1, st, ow);
        });
      } else {
        long copiesPerItem = byCopy ? 1 : kw * phases;
        li.parallelForEach(new long[] {channels, kw * phases / copiesPerItem}, copiesPerItem * rows * ow, productParallel, cv -> {
          Value channel = cv.get(0);
          for (ShiftedCopy c : copyPlanes) {
            // Copy rows yy read input row yy * sh + p - ph: zeros above and below the image.
            long[] yIn = c.yIn();
            Runnable copy = () -> {
              Value base = li.mul(li.add(li.index(c.plane() * channels), channel), li.index(rows * ow));
              range(li, 0, yIn[0] * ow, q -> li.store(zero, shifted, List.of(li.add(base, q))));
              range(li, yIn[1] * ow, rows * ow, q -> li.store(zero, shifted, List.of(li.add(base, q))));
              range(li, yIn[0], yIn[1], yy -> copyRow(li, t, x, image, channel, shifted, base, yy, st, c, ow, zero));
            };
            if (!byCopy) {
              copy.run();
              continue;
            }
            Value mine = li.cmp(CmpIPredicate.EQ, cv.get(1), li.index(c.plane()));
            IfOp.create(li.builder(), li.location(), mine, List.of(), (in, args) -> {
              copy.run();
              return List.of();
            }, null);
          }
        });
      }
      // Rows of the copies lie far apart, and off vector alignment where the vector width does not
      // divide ow: then each panel is copied for its A panels. Rows of whole vectors are read in
      // place: on Zen 5 the OCR CNN's 32 -> 64 at 16 x 64 took 0.91 of its time with the copies
      // (0.98-0.99 for the network).
      MatMulKernel.ShiftedRows rowsOfB = new MatMulKernel.ShiftedRows(shifted, rowOffsets, s.nr());
      MatMulKernel.BSource source = ow % t.vectorWidth() == 0 ? rowsOfB : new MatMulKernel.PanelCopied(rowsOfB);
      MatMulKernel.emit(li, s, m, n, k, MatMulKernel.packedA(pa, s), kRange, source, planes, List.of(image), init, null, epilogue);
    };
    eachImage(l, xs[0], byImages, body);
  }

  /**
   * The output rows of a band of {@link #bandsOfCopies}, 0 for copies of the whole image
   * ({@link #shiftedRows}): for an image of few channels (a network's first convolution) whose
   * copies outgrow a quarter of L2, as many rows as keep a band's rows of the copies within it,
   * the same number in each of a thread's run of output rows.
   */
  private static long copiesBand(ConvOp op, Loops l, TargetDescription t, long[] xs, long[] ws, long[] os) {
    if (xs[1] >= FEW_COPIED_CHANNELS) return 0;
    long rowBytes = 4L * ws[3] * phases(op, ws) * xs[1] * os[3];
    long quarter = t.l2Bytes() / 4;
    if (rowBytes * copyRows(op, xs) <= quarter) return 0;
    long extra = (ws[2] - 1) / op.strides()[0];
    long most = Math.max(1, quarter / rowBytes - extra);
    long run = os[2] / l.threads();
    if (run < 1) return 0;
    return Math.ceilDiv(run, Math.ceilDiv(run, most));
  }

  /** Images with fewer channels than this go through {@link #bandsOfCopies} (RGB, grey). */
  static final long FEW_COPIED_CHANNELS = 4;

  /**
   * {@link #shiftedRows} band by band: each thread takes a run of every image's output rows
   * and makes them in bands of {@code band} rows, each band first copying the rows of the
   * shifted copies that it reads into the thread's own slot, then multiplying them while they
   * are in L2. A run's last band moves up to end at the run's end, remaking some rows of the
   * band before (the same values). Copies of the whole image were written out to memory and
   * read back by the product, on two threads after a parallel loop of their own, and the two
   * threads ran no faster than one: MobileNet's 3 x 3 stem at stride 2 (3 -> 32 channels at
   * 224 x 224) in bands took 0.82 of its time on two threads and 0.95 on one (0.71 and 0.81
   * with caches flushed). Deployed A/B: MobileNet-v1 0.991 on one thread and 0.975 on two,
   * MobileNet-v3-Large 0.963 and 0.981, VGG-19 0.975 and 1.000, SqueezeNet 0.983 and 0.996,
   * MobileNet-v2, ShuffleNet v2 and EfficientNet-B0 within 0.994-1.003.
   */
  private static void bandsOfCopies(ConvOp op, Loops l, Value x, long[] ws, long[] os, TargetDescription t, Buffers buffers, Value pa,
      boolean tapMajor, MatMulKernel.TileInit init, Value planes, MatMulKernel.Epilogue epilogue, long band) {
    long oh = os[2];
    long ow = os[3];
    CopyBands copies = CopyBands.of(op, l, x, ws, os, t, buffers, pa, tapMajor, init, band);
    long threads = l.threads();
    Loops serial = l.serial();
    l.forEach(new long[] {((MemRefType) x.type()).shape()[0]}, iv -> {
      Value image = iv.getFirst();
      Consumer<Value> run = p -> {
        Loops.Run rows = serial.runOf(p, oh, threads);
        Value from = rows.from();
        Value to = rows.to();
        Value count = serial.divui(serial.add(serial.sub(to, from), serial.index(band - 1)), serial.index(band));
        range(serial, serial.index(0), count, b -> {
          Value y0 = serial.minsi(serial.add(from, serial.mul(b, serial.index(band))), serial.sub(to, serial.index(band)));
          copies.emit(serial, p, image, y0, band, planes, List.of(image), serial.mul(y0, serial.index(ow)), epilogue);
        });
      };
      if (threads == 1) run.accept(serial.index(0));
      else l.parallelFor(l.index(0), l.index(threads), l.index(1), run);
    });
  }

  /**
   * The shifted copies of {@link #shiftedRows} made band by band ({@link #bandsOfCopies},
   * {@link #pooledRows}): a slot per thread for the copy rows that a band of up to
   * {@code rows} - (kh - 1) / sh output rows reads, with a vector of slack (the last vector of
   * a row of B may read up to a vector past the last copy), and the table of where row k of B
   * starts in a slot.
   */
  private record CopyBands(ConvOp op, Value x, long[] xs, long[] ws, long[] os, TargetDescription t, Value pa, boolean tapMajor,
      MatMulKernel.TileInit init, Value copies, long slot, long rows, long filled, Value rowOffsets, List<ShiftedCopy> copyPlanes) {
    /** The copies for bands of at most {@code outRows} output rows of {@code op}, whose weights are packed in {@code pa}. */
    static CopyBands of(ConvOp op, Loops l, Value x, long[] ws, long[] os, TargetDescription t, Buffers buffers, Value pa, boolean tapMajor,
        MatMulKernel.TileInit init, long outRows) {
      long[] xs = ((MemRefType) x.type()).shape();
      long ow = os[3];
      // Copy row yy feeds output rows yy - (kh - 1) / sh to yy: a band of output rows [c0, c0 + r)
      // reads copy rows [c0, c0 + r + (kh - 1) / sh).
      long rows = Math.min(copyRows(op, xs), outRows + (ws[2] - 1) / op.strides()[0]);
      long filled = ws[3] * phases(op, ws) * xs[1] * rows * ow;
      Loops.Slots slots = l.slots(l.threads(), filled + t.vectorWidth(), new long[0], FloatType.F32);
      return new CopyBands(op, x, xs, ws, os, t, pa, tapMajor, init, slots.buffer(), slots.stride(), rows, filled,
          VectorConv.rowOffsets(op, l, ws, rows, ow, tapMajor, buffers), ShiftedCopy.all(op, xs, ws[3], phases(op, ws), copyRows(op, xs), ow));
    }

    /**
     * Output rows [y0, y0 + count) of {@code image} on part {@code p}'s slot: the rows of the
     * copies that they read, then their product into {@code dest} at {@code prefix} from
     * column {@code column} (null: 0), each vector through {@code epilogue}.
     */
    void emit(Loops l, Value p, Value image, Value y0, long count, Value dest, List<Value> prefix, Value column, MatMulKernel.Epilogue epilogue) {
      long ow = os[3];
      long m = ws[0];
      long k = xs[1] * ws[2] * ws[3];
      Value start = l.mul(p, l.index(slot));
      Value zero = l.constant(0, FloatType.F32);
      range(l, filled, filled + t.vectorWidth(), q -> l.store(zero, copies, List.of(l.add(start, q))));
      long copied = Math.min(rows, count + (ws[2] - 1) / op.strides()[0]);
      copyBand(l, t, x, image, copyPlanes, xs[1], copies, start, rows, y0, y0, l.add(y0, l.index(copied)), op.strides(), ow);
      long columns = count * ow;
      KernelShape s = panelCopies(t, packing(op, t, ws, os).forColumns(t, columns, k), m, k);
      MatMulKernel.ShiftedRows band = new MatMulKernel.ShiftedRows(copies, rowOffsets, s.nr(), start);
      MatMulKernel.emit(l, s, m, columns, k, MatMulKernel.packedA(pa, s), tapMajor ? paddingTaps(op, xs, ws, ow, l.mul(y0, l.index(ow)), columns, s.nr()) : null,
          ow % t.vectorWidth() == 0 ? band : new MatMulKernel.PanelCopied(band), dest, prefix, init, column, epilogue);
    }
  }

  /**
   * The table of {@link MatMulKernel.ShiftedRows}: where row k of B starts in the shifted copies
   * of {@link #shiftedRows} of {@code rows} rows each, k in tap-major order when {@code tapMajor}.
   */
  private static Value rowOffsets(ConvOp op, Loops l, long[] ws, long rows, long ow, boolean tapMajor, Buffers buffers) {
    long[] st = op.strides();
    long channels = ws[1];
    long kh = ws[2];
    long kw = ws[3];
    long phases = phases(op, ws);
    long k = channels * kh * kw;
    long[] offsets = new long[Math.toIntExact(k)];
    for (long c = 0; c < channels; c++) {
      for (long i = 0; i < kh; i++) {
        for (long j = 0; j < kw; j++) {
          long plane = (j * phases + i % st[0]) * channels + c;
          offsets[(int) (tapMajor ? (i * kw + j) * channels + c : (c * kh + i) * kw + j)] = (plane * rows + i / st[0]) * ow;
        }
      }
    }
    return buffers.table(l, DenseElementsAttr.ofLongs(new RankedTensorType(new long[] {k}, IntegerType.I64), offsets), op);
  }

  /**
   * The product of {@link #shiftedRows} band by band, each band's rows pooled as soon as they
   * are made ({@link ConvPool}). Each band first makes the rows of the shifted copies that it
   * reads in a buffer of its thread's own (a band of 15 rows of ResNet-50's 7 x 7 stem reads 18
   * rows of each copy): copies of the whole image (2.2 MB for the stem, 3.5 times the image)
   * were written to memory and read back, and took a parallel loop and a barrier of their own.
   */
  private static void pooledRows(ConvOp op, Loops l, Value x, long[] ws, long[] os, TargetDescription t, Buffers buffers, Value pa, boolean tapMajor,
      MatMulKernel.TileInit init, MatMulKernel.Epilogue epilogue, boolean byImages, boolean onThreads, ConvPool pooled) {
    CopyBands copies = CopyBands.of(op, l, x, ws, os, t, buffers, pa, tapMajor, init, pooled.convRows());
    Value scratch = pooled.scratch(l);
    eachImage(l, ((MemRefType) x.type()).shape()[0], byImages, (li, part, image) -> pooled.emit(li, onThreads, part, image, scratch, epilogue,
        (serial, p, c0, convRows, dest, column, bandEpilogue) -> copies.emit(serial, p, image, c0, convRows, dest, List.of(p), column, bandEpilogue)));
  }

  /**
   * One shifted copy of a channel in {@link #shiftedRows}: tap column j and row phase p (plane
   * j phases + p), its columns q reading input column q sw + shift, its rows yy input row
   * yy sh + rowOffset; xIn and yIn the columns and rows that fall inside the image.
   */
  private record ShiftedCopy(long plane, long shift, long rowOffset, long[] xIn, long[] yIn) {
    /** The copies of one channel, tap column by tap column, phase by phase. */
    static List<ShiftedCopy> all(ConvOp op, long[] xs, long kw, long phases, long rows, long ow) {
      long[] pd = op.pads();
      long[] st = op.strides();
      List<ShiftedCopy> copies = new java.util.ArrayList<>();
      for (long j = 0; j < kw; j++) {
        for (long p = 0; p < phases; p++) {
          copies.add(new ShiftedCopy(j * phases + p, j - pd[1], p - pd[0], inside(ow, xs[3], st[1], j - pd[1]), inside(rows, xs[2], st[0], p - pd[0])));
        }
      }
      return copies;
    }
  }

  /**
   * Rows [r0, r1) of every shifted copy ({@code copies}) of each of the {@code channels}
   * channels of {@code image}, into {@code shifted} from {@code start}, where the copies lie
   * one after the other, (copy, channel), {@code rows} rows of each from row {@code held} (0
   * for whole copies), zeros where they read padding.
   */
  private static void copyBand(Loops l, TargetDescription t, Value x, Value image, List<ShiftedCopy> copies, long channels, Value shifted, Value start,
      long rows, Value held, Value r0, Value r1, long[] st, long ow) {
    Value zero = l.constant(0, FloatType.F32);
    l.forEach(new long[] {channels}, cv -> {
      Value channel = cv.getFirst();
      for (ShiftedCopy c : copies) {
        // The copy's row yy at base + yy * ow.
        Value first = l.add(start, l.mul(l.add(l.index(c.plane() * channels), channel), l.index(rows * ow)));
        Value base = l.sub(first, l.mul(held, l.index(ow)));
        Value dataFrom = l.maxsi(r0, l.index(c.yIn()[0]));
        Value dataTo = l.maxsi(dataFrom, l.minsi(r1, l.index(c.yIn()[1])));
        zeroCopyRows(l, shifted, base, r0, l.minsi(r1, dataFrom), ow, zero);
        zeroCopyRows(l, shifted, base, l.maxsi(r0, dataTo), r1, ow, zero);
        range(l, dataFrom, dataTo, yy -> copyRow(l, t, x, image, channel, shifted, base, yy, st, c, ow, zero));
      }
    });
  }

  /** Row {@code yy} of shifted copy {@code c} (from {@code base}), zeros outside the image's columns. */
  private static void copyRow(Loops l, TargetDescription t, Value x, Value image, Value channel, Value shifted, Value base, Value yy, long[] st,
      ShiftedCopy c, long ow, Value zero) {
    Value row = l.add(base, l.mul(yy, l.index(ow)));
    Value iy = l.add(l.mul(yy, l.index(st[0])), l.index(c.rowOffset()));
    range(l, 0, c.xIn()[0], q -> l.store(zero, shifted, List.of(l.add(row, q))));
    range(l, c.xIn()[1], ow, q -> l.store(zero, shifted, List.of(l.add(row, q))));
    StridedRow.copy(l, t, x, List.of(image, channel, iy), st[1], c.shift(), c.xIn()[0], c.xIn()[1], shifted, q -> List.of(l.add(row, q)));
  }

  /** Zeros in rows [from, to) of a shifted copy (from {@code base}), rows of {@code ow}. */
  private static void zeroCopyRows(Loops l, Value shifted, Value base, Value from, Value to, long ow, Value zero) {
    range(l, l.add(base, l.mul(from, l.index(ow))), l.add(base, l.mul(l.maxsi(from, to), l.index(ow))), q -> l.store(zero, shifted, List.of(q)));
  }

  /**
   * The k range of each B panel of {@link #shiftedRows} with k in tap-major order: the rows of
   * taps i that read inside the image for some output row y of the panel (pd0 <= y * sh + i < pd0 + h),
   * for a product of the n output pixels from pixel {@code from} (null: 0).
   */
  private static MatMulKernel.KRange paddingTaps(ConvOp op, long[] xs, long[] ws, long ow, Value from, long n, int nr) {
    long top = op.pads()[0];
    long sh = op.strides()[0];
    long perRow = ws[3] * xs[1];
    return (l, aPanel, bPanel) -> {
      Value first = from == null ? l.mul(bPanel, l.index(nr)) : l.add(from, l.mul(bPanel, l.index(nr)));
      Value last = l.minsi(l.add(first, l.index(nr - 1)), from == null ? l.index(n - 1) : l.add(from, l.index(n - 1)));
      Value y0 = l.mul(l.divui(first, l.index(ow)), l.index(sh));
      Value y1 = l.mul(l.divui(last, l.index(ow)), l.index(sh));
      // i from max(0, top - y1 * sh) to min(kh, top + h - y0 * sh), in signed index arithmetic.
      Value lo = l.maxsi(l.index(0), l.sub(l.index(top), y1));
      Value hi = l.minsi(l.index(ws[2]), l.sub(l.index(top + xs[2]), y0));
      return new Value[] {l.mul(lo, l.index(perRow)), l.mul(l.maxsi(lo, hi), l.index(perRow))};
    };
  }

  /**
   * cols[(c * kh + i) * kw + j][(y - y0) * ow + z] = x[image, c, y * sh + i * dh - ph, z * sw + j * dw - pw]
   * for the output rows y in [y0, y0 + rows), zero in the padding. The taps are unrolled, so that
   * each knows statically which output rows and columns read inside the image: those are plain
   * copies along a row (contiguous with stride 1, which LLVM vectorizes), the others stores of
   * zeros. Only the block's rows are visited: the static row range is clipped to the block.
   * The matrix is {@code cols} at the indices {@code prefix}; with {@code tapMajor} its rows are
   * in the order (i, j, c) instead.
   */
  private static void im2col(Loops l, TargetDescription t, ConvOp op, Value x, Value image, long[] ws, long[] os, Value y0, long rows, Value cols, List<Value> prefix,
      boolean tapMajor) {
    long[] xs = ((MemRefType) x.type()).shape();
    long[] st = op.strides();
    long[] dl = op.dilations();
    long[] pd = op.pads();
    Value zero = l.constant(0, FloatType.F32);
    l.parallelForEach(new long[] {ws[1]}, ws[2] * ws[3] * rows * os[3], cv -> {
      Value channel = cv.getFirst();
      for (int i = 0; i < ws[2]; i++) {
        long[] ys = inside(os[2], xs[2], st[0], i * dl[0] - pd[0]);
        for (int j = 0; j < ws[3]; j++) {
          long[] zs = inside(os[3], xs[3], st[1], j * dl[1] - pd[1]);
          Value row = tapMajor ? l.add(l.index((i * ws[3] + j) * ws[1]), channel) : l.add(l.mul(channel, l.index(ws[2] * ws[3])), l.index(i * ws[3] + j));
          long ow = os[3];
          if (zs[0] == zs[1]) ys = new long[] {0, 0};
          // The block's rows inside the image: [lo, hi) within [y0, end), zeros around them.
          Value end = l.add(y0, l.index(rows));
          Value lo = l.minsi(l.maxsi(y0, l.index(ys[0])), end);
          Value hi = l.maxsi(l.minsi(end, l.index(ys[1])), lo);
          zeroRows(l, cols, prefix, row, y0, y0, lo, ow, zero);
          zeroRows(l, cols, prefix, row, y0, hi, end, ow, zero);
          long di = i * dl[0] - pd[0];
          long dj = j * dl[1] - pd[1];
          long[] z = zs;
          range(l, lo, hi, yv -> {
            Value start = l.mul(l.sub(yv, y0), l.index(ow));
            zerosFrom(l, cols, prefix, row, start, 0, z[0], zero);
            zerosFrom(l, cols, prefix, row, start, z[1], ow, zero);
            Value iy = l.add(l.mul(yv, l.index(st[0])), l.index(di));
            StridedRow.copy(l, t, x, List.of(image, channel, iy), st[1], dj, z[0], z[1], cols, zv -> at(prefix, row, l.add(start, zv)));
          });
        }
      }
    });
  }

  /** The outputs [lo, hi) of {@code outputs} whose input position o * stride + offset lies in [0, size). */
  static long[] inside(long outputs, long size, long stride, long offset) {
    long lo = Math.max(0, Math.ceilDiv(-offset, stride));
    long hi = Math.min(outputs, Math.floorDiv(size - 1 - offset, stride) + 1);
    return new long[] {lo, Math.max(lo, hi)};
  }

  /** Zeros in the columns of the output rows [from, to) of the block that starts at row y0. */
  private static void zeroRows(Loops l, Value cols, List<Value> prefix, Value row, Value y0, Value from, Value to, long ow, Value zero) {
    range(l, l.mul(l.sub(from, y0), l.index(ow)), l.mul(l.sub(to, y0), l.index(ow)), c -> l.store(zero, cols, at(prefix, row, c)));
  }

  private static void zerosFrom(Loops l, Value cols, List<Value> prefix, Value row, Value start, long from, long to, Value zero) {
    range(l, from, to, c -> l.store(zero, cols, at(prefix, row, l.add(start, c))));
  }

  /** The indices {@code prefix}, row, column. */
  private static List<Value> at(List<Value> prefix, Value row, Value column) {
    List<Value> idx = new ArrayList<>(prefix);
    idx.add(row);
    idx.add(column);
    return idx;
  }

  /** A loop over [from, to) with bounds known at run time. */
  static void range(Loops l, Value from, Value to, Consumer<Value> body) {
    ForOp.create(l.builder(), l.location(), from, to, l.index(1), List.of(), (in, iv, args) -> {
      body.accept(iv);
      return List.of();
    });
  }

  /** A loop over [from, to), or nothing when it is empty. */
  static void range(Loops l, long from, long to, Consumer<Value> body) {
    if (from >= to) return;
    l.forEach(new long[] {to - from}, iv -> body.accept(from == 0 ? iv.getFirst() : l.add(iv.getFirst(), l.index(from))));
  }
}
