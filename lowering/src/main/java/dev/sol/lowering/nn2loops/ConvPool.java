package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.CmpIPredicate;
import dev.sol.dialect.memref.CollapseShapeOp;
import dev.sol.dialect.nn.PoolOp;
import dev.sol.dialect.scf.IfOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.StoreOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.List;

/**
 * A convolution whose result only a max pool reads (nn-fuse's rule "pool"), made and pooled in
 * bands of the pool's output rows: each band's convolution rows go into a scratch buffer of the
 * thread's own, small enough to stay in its L2 cache, and are pooled from there into the
 * result. The convolution's result is never written to memory: ResNet-50's 7 x 7 stem wrote
 * 3.2 MB that the pool then read back, where the pooled result is 0.8 MB.
 *
 * <p>Every band holds the same number of convolution rows, those its windows read, moved
 * inside the image at its top and bottom, so that each is made by a product of a size known
 * at compile time. Neighbouring bands share the rows where their windows overlap (kh - sh of
 * them: with a 3 x 3 window at stride 2 and bands of 7 output rows, one row of 15). A thread's
 * first band makes all of its rows; each later one carries the shared rows over from the band
 * before (moved to the front of the scratch) and makes the others, by a second product as
 * much shorter. Made twice, the shared rows cost ResNet-50's 7 x 7 stem 6% of its
 * multiplications on one thread and 7% on two. The threads take runs of output rows, band by
 * band.
 */
final class ConvPool {
  private final PoolOp pool;
  private final Value out;
  private final long[] convShape;
  private final long outRows;
  private final long outColumns;
  private final long band;
  private final long convRows;
  private final long shared;
  private final int width;

  /**
   * Makes {@code rows} rows of the convolution's result from row {@code first} on part
   * {@code part}'s buffers, into {@code dest} at [part] (channels x rows * columns) from column
   * {@code column} on (null: 0), each vector through {@code epilogue}.
   */
  @FunctionalInterface
  interface Rows {
    void emit(Loops serial, Value part, Value first, long rows, Value dest, Value column, MatMulKernel.Epilogue epilogue);
  }

  private ConvPool(PoolOp pool, Value out, long[] convShape, long band, long convRows, long shared, int width) {
    this.pool = pool;
    this.out = out;
    this.convShape = convShape;
    long[] os = ((MemRefType) out.type()).shape();
    this.outRows = os[2];
    this.outColumns = os[3];
    this.band = band;
    this.convRows = convRows;
    this.shared = shared;
    this.width = width;
  }

  /** Whether a convolution's kernel may pool its rows with {@code pool}: a 2-D max pool of f32 that pools its rows in vectors. */
  static boolean takes(PoolOp pool, TargetDescription t) {
    return t.vectorizes() && PoolLowering.maxRowsInVectors(pool, ((ShapedType) pool.operand(0).type()).element(), t.vectorWidth());
  }

  /**
   * The bands for a convolution's result of {@code convShape} pooled by {@code pool} into
   * {@code out}: as many output rows as keep a band's convolution rows of all channels within
   * half of L2, in the same number of bands for each of the {@code threads} that share an image.
   */
  static ConvPool of(PoolOp pool, Value out, long[] convShape, int threads, TargetDescription t) {
    long[] k = pool.kernelShape();
    long stride = pool.strides()[0];
    long outRows = ((MemRefType) out.type()).shape()[2];
    long rowBytes = 4L * convShape[1] * convShape[3];
    long fit = Math.max(k[0], t.l2Bytes() / 2 / rowBytes);
    long most = Math.max(1, (fit - k[0]) / stride + 1);
    long perThread = Math.ceilDiv(outRows, threads);
    long band = Math.ceilDiv(perThread, Math.ceilDiv(perThread, most));
    long convRows = Math.min(convShape[2], (band - 1) * stride + k[0]);
    // Rows carried from band to band: where neighbours share some and a thread's run has more
    // than one band (else the second product would be code for nothing).
    long shared = perThread > band && convRows > k[0] - stride ? Math.max(0, k[0] - stride) : 0;
    return new ConvPool(pool, out, convShape, band, convRows, shared, t.vectorWidth());
  }

  /** The convolution rows of each band. */
  long convRows() { return convRows; }

  /** The scratch of every thread: one band's convolution rows, [threads, channels, rows, columns]. */
  Value scratch(Loops l) {
    return l.allocSlots(l.threads(), new long[] {convShape[1], convRows, convShape[3]}, FloatType.F32);
  }

  /**
   * The bands of image {@code image}: with {@code onThreads} a parallel loop in which each
   * thread takes a run of the output rows on its own scratch, else all of them in order on
   * {@code part}'s scratch. {@code epilogue} (null: none) sees the convolution's indices
   * [image, channel, pixel].
   */
  void emit(Loops l, boolean onThreads, Value part, Value image, Value scratch, MatMulKernel.Epilogue epilogue, Rows rows) {
    Value planes = CollapseShapeOp.create(l.builder(), l.location(), scratch, new int[] {0}, new int[] {1}, new int[] {2, 3}).result();
    if (!onThreads) {
      bands(l, part, image, l.index(0), l.index(outRows), scratch, planes, epilogue, rows);
      return;
    }
    long threads = l.threads();
    Loops serial = l.serial();
    l.parallelFor(l.index(0), l.index(threads), l.index(1), p -> {
      Loops.Run run = l.runOf(p, outRows, threads);
      Value from = run.from();
      Value to = run.to();
      bands(serial, p, image, from, to, scratch, planes, epilogue, rows);
    });
  }

  /** Output rows [from, to) of {@code image}, band by band, on {@code part}'s scratch. */
  private void bands(Loops l, Value part, Value image, Value from, Value to, Value scratch, Value planes, MatMulKernel.Epilogue epilogue, Rows rows) {
    long columns = convShape[3];
    Value lowest = l.constant(Double.NEGATIVE_INFINITY, FloatType.F32);
    Value row = PoolLowering.rowBuffer(pool, l, columns, outColumns, lowest, width);
    Value count = l.divui(l.add(l.sub(to, from), l.index(band - 1)), l.index(band));
    VectorConv.range(l, l.index(0), count, b -> {
      Value y0 = l.add(from, l.mul(b, l.index(band)));
      Value y1 = l.minsi(l.add(y0, l.index(band)), to);
      // The band's convolution rows [c0, c0 + convRows).
      Value c0 = firstRow(l, y0);
      MatMulKernel.Epilogue bandEpilogue = VectorConv.inBand(epilogue, image, l.mul(c0, l.index(columns)));
      if (shared == 0) {
        rows.emit(l, part, c0, convRows, planes, null, bandEpilogue);
      } else {
        IfOp.create(l.builder(), l.location(), l.cmp(CmpIPredicate.EQ, b, l.index(0)), List.of(), (in, args) -> {
          rows.emit(l, part, c0, convRows, planes, null, bandEpilogue);
          return List.of();
        }, (in, args) -> {
          // The band before held rows from firstRow(y0 - band): its rows from c0 on (at least
          // `shared` of them, more where a band is moved inside the image) are this band's first.
          carry(l, scratch, part, l.sub(c0, firstRow(l, l.sub(y0, l.index(band)))));
          rows.emit(l, part, l.add(c0, l.index(shared)), convRows - shared, planes, l.index(shared * columns), bandEpilogue);
          return List.of();
        });
      }
      l.forEach(new long[] {convShape[1]}, cv -> pool(l, scratch, List.of(part, cv.getFirst()), image, cv.getFirst(), y0, y1, c0, row, lowest));
    });
  }

  /** The first convolution row of the band from output row {@code y0}: its first window's top row, moved inside the image. */
  private Value firstRow(Loops l, Value y0) {
    Value top = l.sub(l.mul(y0, l.index(pool.strides()[0])), l.index(pool.pads()[0]));
    return l.minsi(l.maxsi(top, l.index(0)), l.index(convShape[2] - convRows));
  }

  /** The {@code shared} convolution rows from row {@code from} of part {@code part}'s scratch to its first rows, every channel. */
  private void carry(Loops l, Value scratch, Value part, Value from) {
    long columns = convShape[3];
    long vectors = columns / width;
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    l.forEach(new long[] {convShape[1], shared}, iv -> {
      Value channel = iv.get(0);
      Value source = l.add(from, iv.get(1));
      VectorConv.range(l, 0, vectors, v -> {
        Value x = l.mul(v, l.index(width));
        Value row = LoadOp.create(l.builder(), l.location(), vt, scratch, List.of(part, channel, source, x)).result();
        StoreOp.create(l.builder(), l.location(), row, scratch, List.of(part, channel, iv.get(1), x));
      });
      VectorConv.range(l, vectors * width, columns, x -> l.store(l.load(scratch, List.of(part, channel, source, x)), scratch, List.of(part, channel, iv.get(1), x)));
    });
  }

  /**
   * Output rows [y0, y1) of channel {@code channel} from the band's convolution rows from
   * {@code c0} in {@code scratch} at {@code plane}: the rows whose windows lie inside the
   * image in a loop, each border row (a window over the padding) when it is in the band.
   */
  private void pool(Loops l, Value scratch, List<Value> plane, Value image, Value channel, Value y0, Value y1, Value c0, Value row, Value lowest) {
    long[] k = pool.kernelShape();
    long stride = pool.strides()[0];
    long pad = pool.pads()[0];
    long columns = convShape[3];
    long[] inside = PlaneWindows.interior(outRows, convShape[2], stride, 1, pad, k[0]);
    Value lo = l.maxsi(y0, l.index(inside[0]));
    VectorConv.range(l, lo, l.maxsi(lo, l.minsi(y1, l.index(inside[1]))), y -> {
      Value top = l.sub(l.sub(l.mul(y, l.index(stride)), l.index(pad)), c0);
      PoolLowering.maxRow(pool, l, scratch, plane, top, k[0], columns, row, out, List.of(image, channel, y), lowest, width);
    });
    for (long y : java.util.stream.LongStream.concat(java.util.stream.LongStream.range(0, inside[0]), java.util.stream.LongStream.range(inside[1], outRows)).toArray()) {
      long windowTop = y * stride - pad;
      long firstRow = Math.max(0, windowTop);
      long lastRow = Math.min(convShape[2], windowTop + k[0]);
      Value here = l.and(l.cmp(CmpIPredicate.SLE, y0, l.index(y)), l.cmp(CmpIPredicate.SLT, l.index(y), y1));
      long border = y;
      IfOp.create(l.builder(), l.location(), here, List.of(), (in, args) -> {
        if (lastRow > firstRow) {
          PoolLowering.maxRow(pool, l, scratch, plane, l.sub(l.index(firstRow), c0), lastRow - firstRow, columns, row, out,
              List.of(image, channel, l.index(border)), lowest, width);
        } else {
          VectorConv.range(l, 0, outColumns, c -> l.store(lowest, out, List.of(image, channel, l.index(border), c)));
        }
        return List.of();
      }, null);
    }
  }
}
