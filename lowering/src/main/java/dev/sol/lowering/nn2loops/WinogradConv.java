package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.dialect.scf.IfOp;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.dialect.vector.FMAOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.ShuffleOp;
import dev.sol.dialect.vector.StoreOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.dialect.vector.TransferWriteOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A 3 x 3 convolution of stride 1 with constant weights by Winograd's minimal filtering
 * F(2 x 2, 3 x 3) (Lavin and Gray, arXiv 1509.09308): each 2 x 2 tile of outputs comes from a
 * 4 x 4 patch of the image, d, as Y = A^T [(G g G^T) . (B^T d B)] A, which multiplies 16 times
 * per tile and pair of channels where the direct convolution multiplies 36 times. Over all
 * channels the products at each of the 16 places xi of the 4 x 4 tile are one matrix product:
 * M[xi] (out channels x tiles) = U[xi] (out channels x channels) V[xi] (channels x tiles).
 * F(4 x 4, 3 x 3) ({@link #F4}, when the target asks for it) goes the same way with 6 x 6
 * patches and 36 places; the steps below describe F(2 x 2), each written from the
 * {@link Variant}'s matrices.
 *
 * <p>Tiles are numbered per image, row by row, each row of tiles padded to whole vectors
 * ({@code TW} rounded up to {@code TWP}), so that a vector of tiles lies in one row. The work
 * goes in pieces: a block of {@code R} rows of tiles of one image (and, where there are too few
 * blocks for the threads, a share of the out channels, or from {@link #SPLIT_ROWS_CHANNELS}
 * channels on a group of the a x a places' rows, whose output a second pass finishes). Each
 * piece runs every step on one part's buffers (a part per thread: where whole blocks are the
 * iterations of the parallel loop, the part of the thread that runs the block, see
 * {@link Buffers#threadIndex}), so that what a step writes the next one reads from the same
 * core's cache (in whole-layer steps, on two threads, each step read half its input from the
 * other core and the layer ran no faster than on one):
 * <ol>
 *   <li>the block's rows of the image, with its padding, into rows of whole tiles ({@code P}:
 *       2 R + 2 rows, zeros around), so that the next step reads every patch without checks;
 *   <li>the input transform, a vector of tiles along a row at a time: each patch row's four
 *       columns are the even and odd lanes of two pairs of loads (stride 2 between tiles); the
 *       16 values of B^T d B go to {@code V[xi][channel][tile]};
 *   <li>16 products by the micro-kernel ({@link MatMulKernel}), U packed at compile time as the
 *       A panels of 16 groups ({@link GemmPacking#packConstantAGroups}), V read in place as B;
 *   <li>the output transform, a vector of tiles at a time: A^T M A gives the tile's 2 x 2
 *       outputs, the two columns interleaved into output rows, plus the bias, through the fused
 *       epilogue, stored (masked at the end of a row).
 * </ol>
 */
final class WinogradConv {
  private WinogradConv() {}

  /**
   * One of Winograd's algorithms F(m x m, 3 x 3): tiles of m x m outputs from patches of
   * a = m + 2 inputs, Y = A^T [(G g G^T) . (B^T d B)] A, with B^T (a x a), G (a x 3) and A^T
   * (m x a) from the interpolation points (Lavin and Gray, section 4).
   */
  record Variant(int m, double[][] bt, double[][] g, double[][] at) {
    int a() { return m + 2; }

    int places() { return a() * a(); }
  }

  /** F(2 x 2, 3 x 3): 16 multiplications per tile of 4 outputs, points 0, 1, -1 (and infinity). */
  static final Variant F2 = new Variant(2,
      new double[][] {{1, 0, -1, 0}, {0, 1, 1, 0}, {0, -1, 1, 0}, {0, 1, 0, -1}},
      new double[][] {{1, 0, 0}, {0.5, 0.5, 0.5}, {0.5, -0.5, 0.5}, {0, 0, 1}},
      new double[][] {{1, 1, 1, 0}, {0, 1, -1, -1}});

  /** F(4 x 4, 3 x 3): 36 multiplications per tile of 16 outputs, points 0, 1, -1, 2, -2 (and infinity). */
  static final Variant F4 = new Variant(4,
      new double[][] {{4, 0, -5, 0, 1, 0}, {0, -4, -4, 1, 1, 0}, {0, 4, -4, -1, 1, 0}, {0, -2, -1, 2, 1, 0}, {0, 2, -1, -2, 1, 0},
          {0, 4, 0, -5, 0, 1}},
      new double[][] {{1 / 4.0, 0, 0}, {-1 / 6.0, -1 / 6.0, -1 / 6.0}, {-1 / 6.0, 1 / 6.0, -1 / 6.0}, {1 / 24.0, 1 / 12.0, 1 / 6.0},
          {1 / 24.0, -1 / 12.0, 1 / 6.0}, {0, 0, 1}},
      new double[][] {{1, 1, 1, 1, 1, 0}, {0, 1, -1, 2, -2, 0}, {0, 1, 1, 4, 4, 0}, {0, 1, -1, 8, -8, 1}});

  /**
   * The variant for {@code op}, or null when none goes: the target allows it, 3 x 3, stride 1,
   * no dilation, one group, padding of at most 1, constant weights, f32 on a target with
   * vectors of four lanes or more, 16 channels in and out or more (for the products to outweigh
   * the transforms), blocks of at least two vectors of tiles (512 channels at 7 x 7 in 16 tiles
   * were 1.13x the direct convolution's time), and rows of tiles padded to whole vectors still
   * keeping at least 1.5x of the direct convolution's multiplications off. F(2 x 2); with the
   * target's {@code winogradF4}, F(4 x 4) where it goes with whole vectors of tiles. (F(4 x 4)'s
   * errors, some 1e-5 of the output's scale, fail the 1e-5 + 1e-4 relative that SOL's own
   * equivalence checks and fuzzing hold every lowering to, near zero.) (At 28 x 28, 7 tiles of 4 x 4 to a row in
   * vectors of 8, F(4 x 4) was no faster than F(2 x 2) in vectors of 16; against F(2 x 2)
   * everywhere, one thread: VGG-19 0.87, U-Net 0.84, SqueezeNet 0.95, ResNet-50 0.99.)
   */
  static Variant variant(ConvOp op, ConstantOp weights, TargetDescription t, long[] xs, long[] ws, long[] os) {
    int width = t.vectorWidth();
    long[] st = op.strides();
    long[] dl = op.dilations();
    long[] pd = op.pads();
    if (!t.winograd() || weights == null || op.group() != 1 || width < 4 || Integer.bitCount(width) != 1 || xs.length != 4) return null;
    if (ws[2] != 3 || ws[3] != 3 || st[0] != 1 || st[1] != 1 || dl[0] != 1 || dl[1] != 1) return null;
    for (long p : pd) if (p > 1) return null;
    if (ws[0] < 16 || ws[1] < 16) return null;
    for (Variant v : t.winogradF4() ? List.of(F4, F2) : List.of(F2)) {
      int lanes = lanes(v, t, os);
      if (v == F4 && lanes < width) continue;
      Tiles g = Tiles.of(v, os, lanes);
      if (g.blockRows() * g.twp() < 2L * width) continue;
      double direct = 9.0 * os[2] * os[3];
      double winograd = v.places() * (double) g.th() * g.twp();
      if (direct >= 1.5 * winograd) return v;
    }
    return null;
  }

  /**
   * The lanes of the transforms' vectors of tiles: the target's vector, or a shorter one (a power
   * of two, 4 at least) where a row has fewer tiles, so that few tiles are padding: a 14 x 14
   * output has 7 tiles of 2 x 2 to a row, which 16 lanes would more than double. Where a row is
   * longer than the vector but fills its last one little, shorter vectors that pad it by more
   * than a quarter less are taken too, the shortest that pads it least: the products, nearly all
   * of the work, multiply the padding as well. A 35 x 35 output (Inception-v3's 3 x 3 layers) has
   * 18 tiles to a row, 32 in vectors of 16 lanes, 20 in vectors of 4: there (AVX-512, one thread)
   * 96 -> 96 channels took 0.47 of the direct convolution's time and 64 -> 96 0.47 (8 lanes: 0.52
   * and 0.62), where 16 lanes had left Winograd's products too large to be taken; Inception-v3
   * 0.94 of its time on one thread, 0.96 on two. Shorter vectors for a smaller saving cost more
   * in the transforms than they saved: 56 x 56's 28 tiles in 4 lanes instead of 32 in 16 took
   * DenseNet-121 (128 -> 32 channels) 1.13 of its time, ResNet-50 1.01.
   */
  private static int lanes(Variant v, TargetDescription t, long[] os) {
    long tw = Math.ceilDiv(os[3], v.m());
    int lanes = 4;
    while (lanes < t.vectorWidth() && lanes < tw) lanes *= 2;
    lanes = Math.min(lanes, t.vectorWidth());
    int narrow = lanes;
    for (int l = lanes / 2; l >= 4; l /= 2) if (inVectors(tw, l) < inVectors(tw, narrow)) narrow = l;
    return 4 * inVectors(tw, narrow) < 3 * inVectors(tw, lanes) ? narrow : lanes;
  }

  /** {@code tiles} in whole vectors of {@code lanes}. */
  private static long inVectors(long tiles, int lanes) { return Math.ceilDiv(tiles, lanes) * lanes; }

  /** The tiles of one image: TH rows of TW tiles, each row padded to TWP (whole vectors). */
  private record Tiles(long th, long tw, long twp) {
    static Tiles of(Variant v, long[] os, int width) {
      long th = Math.ceilDiv(os[2], v.m());
      long tw = Math.ceilDiv(os[3], v.m());
      return new Tiles(th, tw, Math.ceilDiv(tw, width) * width);
    }

    /** R: the most rows of tiles that divide an image's and keep a block within {@link #BLOCK_TILES} (or one row). */
    long blockRows() {
      long rows = 1;
      for (long d = 1; d <= th; d++) if (th % d == 0 && d * twp <= Math.max(BLOCK_TILES, twp)) rows = d;
      return rows;
    }
  }

  /**
   * The fewest channels for which a block that the threads share has its rows of places split
   * among them rather than its out channels ({@link #conv}; with fewer, rows only where the out
   * channels do not go evenly to the threads). Split by rows against shared, on two
   * threads with caches flushed (one block each): 256 -> 256 channels at 14 x 14 0.86, 128 -> 256
   * 0.92, 128 -> 192 0.94, 128 -> 32 0.75 (a share of 16 out channels is a narrow product); but
   * 96 -> 208 1.06, 64 -> 192 1.11, and 64 -> 256 at 13 x 13 1.10, 48 -> 192 1.14, where the
   * second pass over the out channels' rows of M A costs more than transforming the few channels
   * twice. ResNet-50 on two threads: 0.95.
   */
  static final long SPLIT_ROWS_CHANNELS = 128;

  /** Most tiles in a block: its V and M ({@code places x channels x tiles} each) stay near the core. */
  static final long BLOCK_TILES = 64;

  static void conv(Variant var, ConvOp op, ConstantOp weights, Loops l, Value x, Value bias, Value out, TargetDescription t, Buffers buffers,
      MatMulKernel.Epilogue epilogue) {
    long[] xs = ((MemRefType) x.type()).shape();
    long[] os = ((MemRefType) out.type()).shape();
    int width = lanes(var, t, os);
    long images = xs[0], channels = xs[1], oc = os[1];
    int places = var.places();
    Tiles g = Tiles.of(var, os, width);
    long rows = g.blockRows();
    long blocks = images * (g.th() / rows);
    long parts = l.threads();
    // Too few blocks for the threads: either each block's out channels are shared out, one
    // share to a piece, each piece transforming the whole block, or, where the patch's a rows go
    // evenly to the threads, the rows of places are split among them: each part transforms its
    // rows of places, multiplies them for all out channels and writes its rows of M A; a second
    // parallel pass finishes A^T (M A) with the bias and the epilogue. Rows from
    // SPLIT_ROWS_CHANNELS channels on, where transforming the block on every part costs more
    // than the second pass, and where the out channels do not go evenly to the threads (no
    // shares: one part would take the block alone). (Sharing, or splitting rows, also where the
    // blocks do not go evenly to the threads, as ResNet-50's 7 of 28 x 28, was no faster: 1.004
    // either way.)
    boolean few = parts > 1 && blocks < 2 * parts;
    boolean splitRows = few && var.a() % parts == 0 && (channels >= SPLIT_ROWS_CHANNELS || oc % parts != 0);
    long groups = splitRows ? parts : 1;
    long shares = few && !splitRows && oc % parts == 0 ? parts : 1;
    int groupRows = Math.toIntExact(var.a() / groups);
    int groupPlaces = groupRows * var.a();
    long ocShare = oc / shares;
    long tiles = rows * g.twp();
    KernelShape s = KernelShape.choose(t, ocShare, tiles, channels);
    DenseElementsAttr transformed = transformedWeights(var, weights.value(), oc, channels);
    Value u = buffers.table(l, GemmPacking.packConstantAGroups(s.mr(), transformed, places * shares, ocShare, channels), op);
    long panels = Math.ceilDiv(ocShare, s.mr());
    long columns = paddedColumns(var, op, xs, g, width);
    Value p = l.allocSlots(parts, new long[] {channels, var.m() * rows + 2, columns}, FloatType.F32);
    Value v = l.allocSlots(parts, new long[] {groupPlaces, channels, tiles}, FloatType.F32);
    Value m = l.allocSlots(parts, new long[] {groupPlaces, ocShare, tiles}, FloatType.F32);
    Value rowsOfMA = groups == 1 ? null : l.alloc(new MemRefType(new long[] {var.a(), var.m(), images, oc, g.th() * g.twp()}, FloatType.F32));
    Loops serial = l.serial();
    // A block of count rows of tiles from ty0 of an image, whole on part's P, V and M: padded
    // copy, input transform, products for all out channels, output transform.
    WholeBlock whole = (part, image, ty0, count) -> {
      padded(var, op, serial, x, p, part, image, ty0, count, columns, width);
      inputTransform(var, serial, p, v, part, channels, count, g, width, 0, var.a());
      products(serial, s, u, v, m, part, 0, places, panels, 1, l.index(0), oc, count * g.twp(), channels);
      outputTransform(var, serial, m, part, bias, out, os, image, ty0, count, l.index(0), oc, g, width, epilogue);
    };
    // Blocks of one image that do not go evenly to the threads (ResNet-50's 28 x 28: 7 blocks
    // of 2 rows of tiles, 3 and 4 to two threads): each thread's share of the rows of tiles is
    // the same instead, in blocks of R rows and a last shorter one (7 rows: 2, 2, 2 and 1), each
    // block an iteration of the parallel loop on the scratch of the thread that runs it
    // (Buffers.threadIndex), so that a faster core takes the slower one's last blocks.
    if (!few && parts > 1 && images == 1 && blocks % parts != 0 && g.th() % parts == 0) {
      long partRows = g.th() / parts;
      long perPart = Math.ceilDiv(partRows, rows);
      long tail = partRows - (perPart - 1) * rows;
      l.parallelFor(l.index(0), l.index(parts * perPart), l.index(1), piece -> {
        Value part = buffers.threadIndex(l, op);
        Value b = l.remui(piece, l.index(perPart));
        Value ty0 = l.add(l.mul(l.divui(piece, l.index(perPart)), l.index(partRows)), l.mul(b, l.index(rows)));
        ChannelLanesConv.bySize(l, b, perPart, tail, rows, count -> whole.run(part, l.index(0), ty0, count));
      });
      return;
    }
    // Whole blocks: each an iteration of the parallel loop on its thread's scratch, as above.
    if (parts > 1 && shares == 1 && groups == 1) {
      l.parallelFor(l.index(0), l.index(blocks), l.index(1), block -> {
        Value part = buffers.threadIndex(l, op);
        Value image = l.divui(block, l.index(g.th() / rows));
        Value ty0 = l.mul(l.remui(block, l.index(g.th() / rows)), l.index(rows));
        whole.run(part, image, ty0, rows);
      });
      return;
    }
    long pieces = blocks * shares * groups;
    long split = shares * groups;
    Consumer<Value> work = part -> {
      Loops.Run run = l.runOf(part, pieces, parts);
      Value from = run.from();
      Value to = run.to();
      VectorConv.range(serial, from, to, piece -> {
        Value block = split == 1 ? piece : l.divui(piece, l.index(split));
        Value share = shares == 1 ? l.index(0) : l.remui(piece, l.index(shares));
        Value image = l.divui(block, l.index(g.th() / rows));
        Value ty0 = l.mul(l.remui(block, l.index(g.th() / rows)), l.index(rows));
        if (groups > 1) {
          // Each group is code of its own (its rows of the constant matrices). A part's pieces
          // of one block follow each other: its first one copies the block, the others use it.
          Value group = l.remui(piece, l.index(groups));
          Value fresh = l.or(l.cmp(CmpIPredicate.EQ, group, l.index(0)), l.cmp(CmpIPredicate.EQ, piece, from));
          IfOp.create(l.builder(), l.location(), fresh, List.of(), (in, args) -> {
            padded(var, op, serial, x, p, part, image, ty0, rows, columns, width);
            return List.of();
          }, null);
          for (int gi = 0; gi < groups; gi++) {
            int row0 = gi * groupRows;
            IfOp.create(l.builder(), l.location(), l.cmp(CmpIPredicate.EQ, group, l.index(gi)), List.of(), (in, args) -> {
              inputTransform(var, serial, p, v, part, channels, rows, g, width, row0, groupRows);
              products(serial, s, u, v, m, part, (long) row0 * var.a(), groupPlaces, panels, 1, l.index(0), oc, tiles, channels);
              partialOutput(var, serial, m, part, rowsOfMA, image, ty0, rows, oc, g, width, row0, groupRows);
              return List.of();
            }, null);
          }
          return;
        }
        if (shares == 1) {
          whole.run(part, image, ty0, rows);
          return;
        }
        // A part's pieces of one block follow each other: its first one transforms the block
        // into the part's V, the others use it.
        Value fresh = l.cmp(CmpIPredicate.EQ, share, l.index(0));
        fresh = l.or(fresh, l.cmp(CmpIPredicate.EQ, piece, from));
        IfOp.create(l.builder(), l.location(), fresh, List.of(), (in, args) -> {
          padded(var, op, serial, x, p, part, image, ty0, rows, columns, width);
          inputTransform(var, serial, p, v, part, channels, rows, g, width, 0, var.a());
          return List.of();
        }, null);
        products(serial, s, u, v, m, part, 0, places, panels, shares, share, ocShare, tiles, channels);
        outputTransform(var, serial, m, part, bias, out, os, image, ty0, rows, l.mul(share, l.index(ocShare)), ocShare, g, width, epilogue);
      });
    };
    if (parts == 1) work.accept(l.index(0));
    else l.parallelFor(l.index(0), l.index(parts), l.index(1), work);
    if (rowsOfMA != null) outputFromRows(var, l, rowsOfMA, bias, out, os, g, width, epilogue);
  }

  /** The whole-block steps of {@link #conv}: {@code count} rows of tiles from {@code ty0} of {@code image} on part {@code part}. */
  private interface WholeBlock {
    void run(Value part, Value image, Value ty0, long count);
  }

  /**
   * M[xi] = U[xi] V[xi] for the {@code count} places from {@code place0} (held in the part's V and
   * M from their first place on), by the micro-kernel: share {@code share} of {@code shares} of
   * the out channels, U's A panels of place xi and share s the (xi shares + s)-th group.
   */
  private static void products(Loops l, KernelShape s, Value u, Value v, Value m, Value part, long place0, long count, long panels, long shares,
      Value share, long ocShare, long tiles, long channels) {
    l.forEach(new long[] {count}, iv -> {
      Value local = iv.getFirst();
      Value place = l.add(local, l.index(place0));
      Value first = l.mul(l.add(l.mul(place, l.index(shares)), share), l.index(panels));
      MatMulKernel.ASource a = new MatMulKernel.PackedA(u, first);
      MatMulKernel.emit(l, s, ocShare, tiles, channels, a, MatMulKernel.rows(v, List.of(part, local), s.nr()), m, List.of(part, local),
          MatMulKernel.ZERO, null, null);
    });
  }

  /**
   * U = G g G^T for every pair (out channel, channel), as a^2 matrices of out channels x
   * channels one after the other (place xi = a i + j), computed in double and rounded once.
   */
  static DenseElementsAttr transformedWeights(Variant var, DenseElementsAttr w, long oc, long channels) {
    FloatBuffer in = ByteBuffer.wrap(w.rawData()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    boolean splat = w.isSplat();
    double[][] gm = var.g();
    int a = var.a();
    float[] u = new float[Math.toIntExact(var.places() * oc * channels)];
    double[] kernel = new double[9];
    double[][] half = new double[a][3];
    for (long o = 0; o < oc; o++) {
      for (long c = 0; c < channels; c++) {
        for (int e = 0; e < 9; e++) kernel[e] = in.get(splat ? 0 : (int) ((o * channels + c) * 9 + e));
        for (int i = 0; i < a; i++) {
          for (int j = 0; j < 3; j++) half[i][j] = gm[i][0] * kernel[j] + gm[i][1] * kernel[3 + j] + gm[i][2] * kernel[6 + j];
        }
        for (int i = 0; i < a; i++) {
          for (int j = 0; j < a; j++) {
            double value = half[i][0] * gm[j][0] + half[i][1] * gm[j][1] + half[i][2] * gm[j][2];
            u[(int) (((long) (i * a + j) * oc + o) * channels + c)] = (float) value;
          }
        }
      }
    }
    byte[] raw = new byte[u.length * 4];
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(u);
    return DenseElementsAttr.fromRaw(new RankedTensorType(new long[] {var.places() * oc, channels}, FloatType.F32), raw);
  }

  /** Columns of a padded block: those that the input transform's loads reach (m TWP + m) and the copy writes, in whole vectors. */
  private static long paddedColumns(Variant var, ConvOp op, long[] xs, Tiles g, int width) {
    return Math.ceilDiv(Math.max(var.m() * (g.twp() + 1), op.pads()[1] + Math.ceilDiv(xs[3], width) * width), width) * width;
  }

  /**
   * The block of {@code rows} rows of tiles from {@code ty0} of the image, with its padding, into
   * part {@code part} of {@code p}: P[part][channel][r][q] = x[image][channel][m ty0 + r - top][q - left],
   * zero outside the image.
   */
  private static void padded(Variant var, ConvOp op, Loops l, Value x, Value p, Value part, Value image, Value ty0, long rows, long columns,
      int width) {
    long[] xs = ((MemRefType) x.type()).shape();
    long top = op.pads()[0], left = op.pads()[1];
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    Builder b = l.builder();
    Location loc = l.location();
    Value first = l.sub(l.mul(ty0, l.index(var.m())), l.index(top));
    l.forEach(new long[] {xs[1], var.m() * rows + 2}, iv -> {
      Value channel = iv.get(0);
      Value zero = BroadcastOp.create(b, loc, vt, l.constant(0, FloatType.F32)).result();
      for (long q = 0; q < columns; q += width) StoreOp.create(b, loc, zero, p, List.of(part, channel, iv.get(1), l.index(q)));
      Value row = l.add(first, iv.get(1));
      // Rows of the image (the others stay zero): whole vectors, the last one read with zeros past the row.
      IfOp.create(b, loc, l.inRange(row, 0, xs[2]), List.of(), (in, args) -> {
        for (long q = 0; q < xs[3]; q += width) {
          List<Value> at = List.of(image, channel, row, l.index(q));
          Value vec = q + width <= xs[3] ? LoadOp.create(b, loc, vt, x, at).result()
              : TransferReadOp.create(b, loc, vt, x, at, l.constant(0, FloatType.F32), false).result();
          StoreOp.create(b, loc, vec, p, List.of(part, channel, iv.get(1), l.index(q + left)));
        }
        return List.of();
      }, null);
    });
  }

  /** The lanes of two vectors (2 width values in a row) at even places ({@code odd} false) or odd ones. */
  private static long[] everyOther(int width, boolean odd) {
    long[] lanes = new long[width];
    for (int k = 0; k < width; k++) lanes[k] = 2L * k + (odd ? 1 : 0);
    return lanes;
  }

  /**
   * The values of {@code row} (vectors of consecutive values) at every {@code stride}-th place
   * from each offset: result r holds values r, r + stride, r + 2 stride, ... (a power of two),
   * by rounds of even and odd lanes of pairs.
   */
  private static List<List<Value>> deinterleave(Loops l, List<Value> row, int stride, int width) {
    if (stride == 1) return List.of(row);
    List<Value> even = new ArrayList<>(), odd = new ArrayList<>();
    for (int i = 0; i < row.size(); i += 2) {
      even.add(ShuffleOp.create(l.builder(), l.location(), row.get(i), row.get(i + 1), everyOther(width, false)).result());
      odd.add(ShuffleOp.create(l.builder(), l.location(), row.get(i), row.get(i + 1), everyOther(width, true)).result());
    }
    List<List<Value>> evens = deinterleave(l, even, stride / 2, width), odds = deinterleave(l, odd, stride / 2, width);
    List<List<Value>> all = new ArrayList<>();
    for (int r = 0; r < stride / 2; r++) {
      all.add(evens.get(r));
      all.add(odds.get(r));
    }
    return all;
  }

  /**
   * The inverse: {@code columns} (one vector each) woven into a row, value k of vector c going to
   * place k * count + c; by rounds of interleaving pairs (low and high halves).
   */
  private static List<Value> interleave(Loops l, List<Value> columns, int width) {
    if (columns.size() == 1) return columns;
    List<Value> evens = new ArrayList<>(), odds = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) (c % 2 == 0 ? evens : odds).add(columns.get(c));
    List<Value> a = interleave(l, evens, width), b = interleave(l, odds, width);
    long[] low = new long[width], high = new long[width];
    for (int k = 0; k < width; k++) {
      low[k] = (k % 2 == 0 ? 0 : width) + k / 2;
      high[k] = (k % 2 == 0 ? 0 : width) + width / 2 + k / 2;
    }
    List<Value> row = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      row.add(ShuffleOp.create(l.builder(), l.location(), a.get(i), b.get(i), low).result());
      row.add(ShuffleOp.create(l.builder(), l.location(), a.get(i), b.get(i), high).result());
    }
    return row;
  }

  /**
   * The constant matrix {@code c} times the vectors {@code x}: row by row, terms of coefficient 0
   * left out, 1 and -1 as additions and subtractions, others as multiply-adds.
   */
  private static Value[] times(Loops l, double[][] c, Value[] x, VectorType vt) {
    Value[] y = new Value[c.length];
    for (int i = 0; i < c.length; i++) {
      // Starting from a term of coefficient 1 where there is one saves a negation or a multiplication.
      int first = 0;
      while (first < x.length && c[i][first] != 1) first++;
      if (first == x.length) first = 0;
      Value acc = null;
      for (int n = 0; n < x.length; n++) {
        int j = (first + n) % x.length;
        double k = c[i][j];
        if (k == 0) continue;
        if (acc == null) {
          acc = k == 1 ? x[j] : k == -1 ? l.neg(x[j]) : l.mul(x[j], broadcast(l, k, vt));
        } else if (k == 1) {
          acc = l.add(acc, x[j]);
        } else if (k == -1) {
          acc = l.sub(acc, x[j]);
        } else {
          acc = FMAOp.create(l.builder(), l.location(), x[j], broadcast(l, k, vt), acc).result();
        }
      }
      y[i] = acc;
    }
    return y;
  }

  /** {@code c} times the matrix of vectors {@code x} (rows of x indexed first): {@link #times} on each column of x. */
  private static Value[][] timesColumns(Loops l, double[][] c, Value[][] x, VectorType vt) {
    int columns = x[0].length;
    Value[][] y = new Value[c.length][columns];
    for (int j = 0; j < columns; j++) {
      Value[] col = new Value[x.length];
      for (int i = 0; i < x.length; i++) col[i] = x[i][j];
      Value[] t = times(l, c, col, vt);
      for (int i = 0; i < c.length; i++) y[i][j] = t[i];
    }
    return y;
  }

  /** The index of the first tile of group {@code group} in row {@code ty} of a block's tiles. */
  private static Value tileIndex(Loops l, Tiles g, Value ty, Value group, int width) {
    return l.add(l.mul(ty, l.index(g.twp())), l.mul(group, l.index(width)));
  }

  private static Value broadcast(Loops l, double k, VectorType vt) {
    return BroadcastOp.create(l.builder(), l.location(), vt, l.constant(k, FloatType.F32)).result();
  }

  /**
   * V[xi][channel][tile] = (B^T d B)[xi] for the patch d of every tile, a vector of tiles along a
   * row of tiles at a time: patch column j of the tiles is every m-th value of the padded row from
   * column j on ({@link #deinterleave} of the vectors loaded from there). Only the places of rows
   * {@code row0 ..} ({@code count} of them) of the a x a tile, stored from the part's first place
   * on: each row of B^T d is one row of B^T times d, so the arithmetic splits by rows (the
   * patch's loads and shuffles do not).
   */
  private static void inputTransform(Variant var, Loops l, Value p, Value v, Value part, long channels, long rows, Tiles g, int width, int row0,
      int count) {
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    Builder b = l.builder();
    Location loc = l.location();
    int m = var.m(), a = var.a();
    long groups = g.twp() / width;
    double[][] bt = java.util.Arrays.copyOfRange(var.bt(), row0, row0 + count);
    l.forEach(new long[] {channels, rows, groups}, iv -> {
      Value channel = iv.get(0), ty = iv.get(1);
      Value column = l.mul(iv.get(2), l.index((long) m * width));
      Value[][] d = new Value[a][a];
      for (int i = 0; i < a; i++) {
        Value row = l.add(l.mul(ty, l.index(m)), l.index(i));
        // Columns j and j + m of the patch are values m apart: one set of loads from column 0
        // of the tiles' patches, one from column m.
        for (int shift = 0; shift < a; shift += m) {
          List<Value> loads = new ArrayList<>();
          for (int h = 0; h < m; h++) {
            Value q = l.add(column, l.index(shift + (long) h * width));
            loads.add(LoadOp.create(b, loc, vt, p, List.of(part, channel, row, q)).result());
          }
          List<List<Value>> strided = deinterleave(l, loads, m, width);
          for (int j = shift; j < Math.min(a, shift + m); j++) d[i][j] = strided.get(j - shift).getFirst();
        }
      }
      Value[][] bd = timesColumns(l, bt, d, vt);
      Value tile = tileIndex(l, g, ty, iv.get(2), width);
      for (int i = 0; i < count; i++) {
        Value[] t = times(l, var.bt(), bd[i], vt);
        for (int j = 0; j < a; j++) StoreOp.create(b, loc, t[j], v, List.of(part, l.index((long) i * a + j), channel, tile));
      }
    });
  }

  /** Row {@code i} of M A for a vector of tiles: row i of the part's M (place i a + j at {@code i a + j - first}) times A. */
  private static Value[] rowTimesA(Variant var, Loops l, Value mm, Value part, Value local, Value tile, int i, int first, VectorType vt) {
    int a = var.a();
    Value[] mv = new Value[a];
    for (int j = 0; j < a; j++) {
      mv[j] = LoadOp.create(l.builder(), l.location(), vt, mm, List.of(part, l.index((long) i * a + j - first), local, tile)).result();
    }
    return times(l, var.at(), mv, vt);
  }

  /**
   * out = A^T M A + bias through the epilogue for out channels {@code oc0 ..} ({@code count} of
   * them) of the block, a vector of tiles at a time.
   */
  private static void outputTransform(Variant var, Loops l, Value mm, Value part, Value bias, Value out, long[] os, Value image, Value ty0,
      long rows, Value oc0, long count, Tiles g, int width, MatMulKernel.Epilogue epilogue) {
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    int a = var.a();
    l.forEach(new long[] {count, rows, g.twp() / width}, iv -> {
      Value local = iv.get(0);
      Value tile = tileIndex(l, g, iv.get(1), iv.get(2), width);
      // M A, row by row of M, then A^T (M A), column by column.
      Value[][] ma = new Value[a][];
      for (int i = 0; i < a; i++) ma[i] = rowTimesA(var, l, mm, part, local, tile, i, 0, vt);
      store(var, l, ma, bias, out, os, image, l.add(oc0, local), l.add(ty0, iv.get(1)), iv.get(2), width, epilogue);
    });
  }

  /**
   * Rows {@code row0 ..} ({@code count} of them) of M A for every out channel of the block into
   * {@code rowsOfMA} (a x m x images x out channels x tiles of an image), where
   * {@link #outputFromRows} finishes them once every part has written its rows.
   */
  private static void partialOutput(Variant var, Loops l, Value mm, Value part, Value rowsOfMA, Value image, Value ty0, long rows, long oc, Tiles g,
      int width, int row0, int count) {
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    l.forEach(new long[] {oc, rows, g.twp() / width}, iv -> {
      Value channel = iv.get(0);
      Value tile = tileIndex(l, g, iv.get(1), iv.get(2), width);
      Value global = tileIndex(l, g, l.add(ty0, iv.get(1)), iv.get(2), width);
      for (int i = row0; i < row0 + count; i++) {
        Value[] ma = rowTimesA(var, l, mm, part, channel, tile, i, row0 * var.a(), vt);
        for (int c = 0; c < var.m(); c++) {
          StoreOp.create(l.builder(), l.location(), ma[c], rowsOfMA, List.of(l.index(i), l.index(c), image, channel, global));
        }
      }
    });
  }

  /**
   * out = A^T (M A) + bias through the epilogue from the rows of M A that the parts wrote
   * ({@link #partialOutput}): one parallel pass over the images' out channels, the same
   * arithmetic in the same order as {@link #outputTransform}, so the result does not depend on
   * the threads.
   */
  private static void outputFromRows(Variant var, Loops l, Value rowsOfMA, Value bias, Value out, long[] os, Tiles g, int width,
      MatMulKernel.Epilogue epilogue) {
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    long planes = os[0] * os[1];
    Loops serial = l.serial();
    // A plane to an iteration, so that a faster core takes the slower one's last planes.
    l.parallelFor(l.index(0), l.index(planes), l.index(1), plane -> {
      Value image = l.divui(plane, l.index(os[1]));
      Value channel = l.remui(plane, l.index(os[1]));
      serial.forEach(new long[] {g.th(), g.twp() / width}, iv -> {
        Value tile = tileIndex(l, g, iv.get(0), iv.get(1), width);
        Value[][] ma = new Value[var.a()][var.m()];
        for (int i = 0; i < var.a(); i++) {
          for (int c = 0; c < var.m(); c++) {
            ma[i][c] = LoadOp.create(l.builder(), l.location(), vt, rowsOfMA, List.of(l.index(i), l.index(c), image, channel, tile)).result();
          }
        }
        store(var, l, ma, bias, out, os, image, channel, iv.get(0), iv.get(1), width, epilogue);
      });
    });
  }

  /**
   * A^T (M A) + bias through the epilogue into row of tiles {@code ty} (of the image), group of
   * tiles {@code group}, out channel {@code channel}: a tile's m output columns are woven into m
   * vectors of a row ({@link #interleave}); every vector is masked at the row's end (the 4-D
   * store), and the rows of the image's last row of tiles past the output are left out.
   */
  private static void store(Variant var, Loops l, Value[][] ma, Value bias, Value out, long[] os, Value image, Value channel, Value ty, Value group,
      int width, MatMulKernel.Epilogue epilogue) {
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    Builder b = l.builder();
    Location loc = l.location();
    int m = var.m();
    Value[][] y = timesColumns(l, var.at(), ma, vt);
    Value start = bias == null ? null : BroadcastOp.create(b, loc, vt, l.load(bias, List.of(channel))).result();
    Value column = l.mul(group, l.index((long) m * width));
    for (int r = 0; r < m; r++) {
      Value row = l.add(l.mul(ty, l.index(m)), l.index(r));
      List<Value> woven = interleave(l, List.of(y[r]), width);
      Runnable write = () -> {
        for (int h = 0; h < m; h++) {
          Value q = l.add(column, l.index((long) h * width));
          Value value = start == null ? woven.get(h) : l.add(woven.get(h), start);
          if (epilogue != null) value = epilogue.apply(l, List.of(image, channel, l.add(l.mul(row, l.index(os[3])), q)), value, vt, true);
          TransferWriteOp.create(b, loc, value, out, List.of(image, channel, row, q), false);
        }
      };
      if (r == 0 || os[2] % m == 0) {
        write.run();
      } else {
        IfOp.create(b, loc, l.cmp(CmpIPredicate.SLT, row, l.index(os[2])), List.of(), (in, args) -> {
          write.run();
          return List.of();
        }, null);
      }
    }
  }
}
