package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.arith.OrIOp;
import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.dialect.scf.IfOp;
import dev.sol.dialect.vector.BroadcastOp;
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
 *
 * <p>Tiles are numbered per image, row by row, each row of tiles padded to whole vectors
 * ({@code TW} rounded up to {@code TWP}), so that a vector of tiles lies in one row. The work
 * goes in pieces: a block of {@code R} rows of tiles of one image (and, where there are too few
 * blocks for the threads, a share of the out channels). Each piece runs every step on buffers of
 * its part (one part per thread), so that what a step writes the next one reads from the same
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

  /** The 16 places of the transformed 4 x 4 tile. */
  private static final int PLACES = 16;

  /**
   * Whether {@code op} goes this way: the target allows it, 3 x 3, stride 1, no dilation, one group, padding of at
   * most 1, constant weights, f32 on a target with vectors of an even width, enough channels for
   * the products to outweigh the transforms, and enough tiles per row that padding the rows of
   * tiles to whole vectors keeps at least 1.5x of the direct convolution's multiplications off.
   */
  static boolean applies(ConvOp op, ConstantOp weights, TargetDescription t, long[] xs, long[] ws, long[] os) {
    int width = t.vectorWidth();
    long[] st = op.strides();
    long[] dl = op.dilations();
    long[] pd = op.pads();
    if (!t.winograd() || weights == null || op.group() != 1 || width < 4 || width % 2 != 0 || xs.length != 4) return false;
    if (ws[2] != 3 || ws[3] != 3 || st[0] != 1 || st[1] != 1 || dl[0] != 1 || dl[1] != 1) return false;
    for (long p : pd) if (p > 1) return false;
    if (ws[0] < 16 || ws[1] < 16) return false;
    Tiles g = Tiles.of(os, lanes(t, os));
    // Blocks of fewer tiles than two vectors make products too narrow for the micro-kernel (512
    // channels at 7 x 7, 16 tiles: 1.13x the direct convolution's time).
    if (g.blockRows() * g.twp() < 2L * t.vectorWidth()) return false;
    double direct = 9.0 * os[2] * os[3];
    double winograd = PLACES * (double) g.th() * g.twp();
    return direct >= 1.5 * winograd;
  }

  /**
   * The lanes of the transforms' vectors of tiles: the target's vector, or a shorter one (a power
   * of two, 4 at least) where a row has fewer tiles, so that few tiles are padding: a 14 x 14
   * output has 7 tiles to a row, which 16 lanes would more than double.
   */
  private static int lanes(TargetDescription t, long[] os) {
    long tw = Math.ceilDiv(os[3], 2);
    int lanes = 4;
    while (lanes < t.vectorWidth() && lanes < tw) lanes *= 2;
    return Math.min(lanes, t.vectorWidth());
  }

  /** The tiles of one image: TH rows of TW tiles, each row padded to TWP (whole vectors). */
  private record Tiles(long th, long tw, long twp) {
    static Tiles of(long[] os, int width) {
      long th = Math.ceilDiv(os[2], 2);
      long tw = Math.ceilDiv(os[3], 2);
      return new Tiles(th, tw, Math.ceilDiv(tw, width) * width);
    }

    /** R: the most rows of tiles that divide an image's and keep a block within {@link #BLOCK_TILES} (or one row). */
    long blockRows() {
      long rows = 1;
      for (long d = 1; d <= th; d++) if (th % d == 0 && d * twp <= Math.max(BLOCK_TILES, twp)) rows = d;
      return rows;
    }
  }

  /** Most tiles in a block: its V and M ({@code 16 x channels x tiles} each) stay near the core. */
  static final long BLOCK_TILES = 64;

  static void conv(ConvOp op, ConstantOp weights, Loops l, Value x, Value bias, Value out, TargetDescription t, Buffers buffers,
      MatMulKernel.Epilogue epilogue) {
    long[] xs = ((MemRefType) x.type()).shape();
    long[] os = ((MemRefType) out.type()).shape();
    int width = lanes(t, os);
    long images = xs[0], channels = xs[1], oc = os[1];
    Tiles g = Tiles.of(os, width);
    long rows = g.blockRows();
    long blocks = images * (g.th() / rows);
    long parts = l.threads();
    // Too few blocks for the threads: each block's out channels are shared out as well, one
    // share to a piece. (Sharing also where the blocks do not go evenly to the threads, as
    // ResNet-50's 7 of 28 x 28, was no faster: 1.004.)
    long shares = parts > 1 && blocks < 2 * parts && oc % parts == 0 ? parts : 1;
    long ocShare = oc / shares;
    long tiles = rows * g.twp();
    KernelShape s = KernelShape.choose(t, ocShare, tiles, channels);
    DenseElementsAttr transformed = transformedWeights(weights.value(), oc, channels);
    Value u = buffers.table(l, GemmPacking.packConstantAGroups(s.mr(), transformed, PLACES * shares, ocShare, channels), op);
    long panels = Math.ceilDiv(ocShare, s.mr());
    long columns = paddedColumns(op, xs, g, width);
    Value p = l.alloc(new MemRefType(new long[] {parts, channels, 2 * rows + 2, columns}, FloatType.F32));
    Value v = l.alloc(new MemRefType(new long[] {parts, PLACES, channels, tiles}, FloatType.F32));
    Value m = l.alloc(new MemRefType(new long[] {parts, PLACES, ocShare, tiles}, FloatType.F32));
    Loops serial = l.serial();
    long pieces = blocks * shares;
    Consumer<Value> work = part -> {
      Value from = l.divui(l.mul(part, l.index(pieces)), l.index(parts));
      Value to = l.divui(l.mul(l.add(part, l.index(1)), l.index(pieces)), l.index(parts));
      VectorConv.range(serial, from, to, piece -> {
        Value block = shares == 1 ? piece : l.divui(piece, l.index(shares));
        Value share = shares == 1 ? l.index(0) : l.remui(piece, l.index(shares));
        Value image = l.divui(block, l.index(g.th() / rows));
        Value ty0 = l.mul(l.remui(block, l.index(g.th() / rows)), l.index(rows));
        Runnable transform = () -> {
          padded(op, serial, x, p, part, image, ty0, rows, columns, width);
          inputTransform(serial, p, v, part, channels, rows, g, width);
        };
        if (shares == 1) {
          transform.run();
        } else {
          // A part's pieces of one block follow each other: its first one transforms the block
          // into the part's V, the others use it.
          Value fresh = l.cmp(CmpIPredicate.EQ, share, l.index(0));
          fresh = OrIOp.create(l.builder(), l.location(), fresh, l.cmp(CmpIPredicate.EQ, piece, from)).result();
          IfOp.create(l.builder(), l.location(), fresh, List.of(), (in, args) -> {
            transform.run();
            return List.of();
          }, null);
        }
        serial.forEach(new long[] {PLACES}, iv -> {
          Value place = iv.getFirst();
          Value first = l.mul(l.add(l.mul(place, l.index(shares)), share), l.index(panels));
          MatMulKernel.ASource a = (li, panel, k, row) -> li.load(u, List.of(li.add(first, panel), k, li.index(row)));
          MatMulKernel.emit(serial, s, ocShare, tiles, channels, a, MatMulKernel.rows(v, List.of(part, place), s.nr()), m, List.of(part, place),
              MatMulKernel.ZERO, null, null);
        });
        outputTransform(serial, m, part, bias, out, os, image, ty0, rows, l.mul(share, l.index(ocShare)), ocShare, g, width, epilogue);
      });
    };
    if (parts == 1) work.accept(l.index(0));
    else l.parallelFor(l.index(0), l.index(parts), l.index(1), work);
  }

  /**
   * U = G g G^T for every pair (out channel, channel), as 16 matrices of out channels x
   * channels one after the other (place xi = 4 i + j), computed in double and rounded once.
   */
  static DenseElementsAttr transformedWeights(DenseElementsAttr w, long oc, long channels) {
    FloatBuffer in = ByteBuffer.wrap(w.rawData()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    boolean splat = w.isSplat();
    double[][] gm = {{1, 0, 0}, {0.5, 0.5, 0.5}, {0.5, -0.5, 0.5}, {0, 0, 1}};
    float[] u = new float[Math.toIntExact(PLACES * oc * channels)];
    double[] kernel = new double[9];
    double[][] half = new double[4][3];
    for (long o = 0; o < oc; o++) {
      for (long c = 0; c < channels; c++) {
        for (int e = 0; e < 9; e++) kernel[e] = in.get(splat ? 0 : (int) ((o * channels + c) * 9 + e));
        for (int i = 0; i < 4; i++) {
          for (int j = 0; j < 3; j++) half[i][j] = gm[i][0] * kernel[j] + gm[i][1] * kernel[3 + j] + gm[i][2] * kernel[6 + j];
        }
        for (int i = 0; i < 4; i++) {
          for (int j = 0; j < 4; j++) {
            double value = half[i][0] * gm[j][0] + half[i][1] * gm[j][1] + half[i][2] * gm[j][2];
            u[(int) (((long) (i * 4 + j) * oc + o) * channels + c)] = (float) value;
          }
        }
      }
    }
    byte[] raw = new byte[u.length * 4];
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(u);
    return DenseElementsAttr.fromRaw(new RankedTensorType(new long[] {PLACES * oc, channels}, FloatType.F32), raw);
  }

  /** Columns of a padded block: those that the input transform's loads reach (2 TWP + 2) and the copy writes, in whole vectors. */
  private static long paddedColumns(ConvOp op, long[] xs, Tiles g, int width) {
    return Math.ceilDiv(Math.max(2 * g.twp() + 2, op.pads()[1] + Math.ceilDiv(xs[3], width) * width), width) * width;
  }

  /**
   * The block of {@code rows} rows of tiles from {@code ty0} of the image, with its padding, into
   * part {@code part} of {@code p}: P[part][channel][r][q] = x[image][channel][2 ty0 + r - top][q - left],
   * zero outside the image.
   */
  private static void padded(ConvOp op, Loops l, Value x, Value p, Value part, Value image, Value ty0, long rows, long columns, int width) {
    long[] xs = ((MemRefType) x.type()).shape();
    long top = op.pads()[0], left = op.pads()[1];
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    Builder b = l.builder();
    Location loc = l.location();
    Value first = l.sub(l.mul(ty0, l.index(2)), l.index(top));
    l.forEach(new long[] {xs[1], 2 * rows + 2}, iv -> {
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
   * V[xi][channel][tile] = (B^T d B)[xi] for the patch d of every tile, a vector of tiles along a
   * row of tiles at a time. B^T = [1 0 -1 0; 0 1 1 0; 0 -1 1 0; 0 1 0 -1].
   */
  private static void inputTransform(Loops l, Value p, Value v, Value part, long channels, long rows, Tiles g, int width) {
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    Builder b = l.builder();
    Location loc = l.location();
    long[] even = everyOther(width, false), odd = everyOther(width, true);
    long groups = g.twp() / width;
    l.forEach(new long[] {channels, rows, groups}, iv -> {
      Value channel = iv.get(0), ty = iv.get(1);
      Value column = l.mul(iv.get(2), l.index(2L * width));
      Value[][] d = new Value[4][4];
      for (int i = 0; i < 4; i++) {
        Value row = l.add(l.mul(ty, l.index(2)), l.index(i));
        Value[] loads = new Value[4];
        for (int h = 0; h < 4; h++) {
          Value q = l.add(column, l.index((h / 2) * 2L + (h % 2) * width));
          loads[h] = LoadOp.create(b, loc, vt, p, List.of(part, channel, row, q)).result();
        }
        d[i][0] = ShuffleOp.create(b, loc, loads[0], loads[1], even).result();
        d[i][1] = ShuffleOp.create(b, loc, loads[0], loads[1], odd).result();
        d[i][2] = ShuffleOp.create(b, loc, loads[2], loads[3], even).result();
        d[i][3] = ShuffleOp.create(b, loc, loads[2], loads[3], odd).result();
      }
      Value[][] bd = new Value[4][4];
      for (int j = 0; j < 4; j++) {
        Value[] col = inputColumn(l, d[0][j], d[1][j], d[2][j], d[3][j]);
        for (int i = 0; i < 4; i++) bd[i][j] = col[i];
      }
      Value tile = l.add(l.mul(ty, l.index(g.twp())), l.mul(iv.get(2), l.index(width)));
      for (int i = 0; i < 4; i++) {
        Value[] t = inputColumn(l, bd[i][0], bd[i][1], bd[i][2], bd[i][3]);
        for (int j = 0; j < 4; j++) StoreOp.create(b, loc, t[j], v, List.of(part, l.index(i * 4L + j), channel, tile));
      }
    });
  }

  /** B^T applied to four values (a column of the patch, or a row of B^T d). */
  private static Value[] inputColumn(Loops l, Value d0, Value d1, Value d2, Value d3) {
    return new Value[] {l.sub(d0, d2), l.add(d1, d2), l.sub(d2, d1), l.sub(d1, d3)};
  }

  /**
   * out = A^T M A + bias through the epilogue for out channels {@code oc0 ..} ({@code count} of
   * them) of the block, a vector of tiles at a time; A^T = [1 1 1 0; 0 1 -1 -1]. A tile's two
   * output columns are interleaved into two vectors of a row; every vector is masked at the
   * row's end (the 4-D store), and the bottom row of the image's last row of tiles is left out
   * when the output has an odd number of rows.
   */
  private static void outputTransform(Loops l, Value m, Value part, Value bias, Value out, long[] os, Value image, Value ty0,
      long rows, Value oc0, long count, Tiles g, int width, MatMulKernel.Epilogue epilogue) {
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    Builder b = l.builder();
    Location loc = l.location();
    long groups = g.twp() / width;
    long[] low = new long[width], high = new long[width];
    for (int k = 0; k < width; k++) {
      low[k] = (k % 2 == 0 ? 0 : width) + k / 2;
      high[k] = (k % 2 == 0 ? 0 : width) + width / 2 + k / 2;
    }
    l.forEach(new long[] {count, rows, groups}, iv -> {
      Value local = iv.get(0);
      Value channel = l.add(oc0, local);
      Value tile = l.add(l.mul(iv.get(1), l.index(g.twp())), l.mul(iv.get(2), l.index(width)));
      Value[][] s = new Value[4][2];
      for (int i = 0; i < 4; i++) {
        Value[] mv = new Value[4];
        for (int j = 0; j < 4; j++) mv[j] = LoadOp.create(b, loc, vt, m, List.of(part, l.index(i * 4L + j), local, tile)).result();
        s[i] = outputPair(l, mv[0], mv[1], mv[2], mv[3]);
      }
      Value start = bias == null ? null : BroadcastOp.create(b, loc, vt, l.load(bias, List.of(channel))).result();
      Value column = l.mul(iv.get(2), l.index(2L * width));
      Value[][] y = new Value[2][2];
      for (int j = 0; j < 2; j++) {
        Value[] pair = outputPair(l, s[0][j], s[1][j], s[2][j], s[3][j]);
        y[0][j] = pair[0];
        y[1][j] = pair[1];
      }
      for (int r = 0; r < 2; r++) {
        Value row = l.add(l.mul(l.add(ty0, iv.get(1)), l.index(2)), l.index(r));
        Value lo = ShuffleOp.create(b, loc, y[r][0], y[r][1], low).result();
        Value hi = ShuffleOp.create(b, loc, y[r][0], y[r][1], high).result();
        Runnable store = () -> {
          Value[] halves = {lo, hi};
          for (int h = 0; h < 2; h++) {
            Value q = l.add(column, l.index((long) h * width));
            Value value = start == null ? halves[h] : l.add(halves[h], start);
            if (epilogue != null) value = epilogue.apply(l, List.of(image, channel, l.add(l.mul(row, l.index(os[3])), q)), value, vt, true);
            TransferWriteOp.create(b, loc, value, out, List.of(image, channel, row, q), false);
          }
        };
        if (r == 0 || os[2] % 2 == 0) {
          store.run();
        } else {
          IfOp.create(b, loc, l.cmp(CmpIPredicate.SLT, row, l.index(os[2])), List.of(), (in, args) -> {
            store.run();
            return List.of();
          }, null);
        }
      }
    });
  }

  /** A^T applied to four values: the pair (v0 + v1 + v2, v1 - v2 - v3). */
  private static Value[] outputPair(Loops l, Value v0, Value v1, Value v2, Value v3) {
    return new Value[] {l.add(l.add(v0, v1), v2), l.sub(l.sub(v1, v2), v3)};
  }
}
