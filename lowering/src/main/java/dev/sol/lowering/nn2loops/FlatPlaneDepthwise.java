package dev.sol.lowering.nn2loops;

import dev.sol.dialect.arith.ConstantOp;
import dev.sol.dialect.memref.CollapseShapeOp;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.dialect.vector.FMAOp;
import dev.sol.dialect.vector.StoreOp;
import dev.sol.dialect.vector.TransferWriteOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.List;

/**
 * A depthwise nn.conv at stride 1 whose output plane has the input's size ("same" padding) and
 * rows much shorter than a vector, as the last stages of mobile networks have them (7 x 7
 * planes of 960-1152 channels), in vectors of the flattened plane instead of vectors of rows.
 *
 * <p>With the plane read as one row of h x w elements, the output at flat position q = y w + x
 * takes tap (i, j) from flat position q + (i d - top) w + (j d - left): the same offset for every
 * lane, so each tap of a vector of outputs is one vector read of the flat input, zero where it
 * runs off either end of the plane (rows above and below the image). A lane whose column x + j
 * d - left falls outside the row would read the neighbouring row's element there instead of the
 * padding's zero; a constant mask per (vector, tap column) keeps such lanes out of the sum (the
 * FMA is selected away, so an infinity next door cannot turn into a NaN). A row of 7 filled 7
 * of 16 lanes ({@link DepthwiseConv}'s vectors of rows); the flat 7 x 7 plane fills 49 of 64:
 * MnasNet's 5 x 5 layers of 1152 channels at 7 x 7 on AVX-512 took 0.14 ms, ONNX Runtime's
 * channel-blocked kernels 0.06.
 */
final class FlatPlaneDepthwise {
  private FlatPlaneDepthwise() {}

  /** The most vectors per plane: each is unrolled, all taps. */
  private static final long MAX_VECTORS = 8;

  /**
   * Whether {@code op} (which {@link DepthwiseConv#applies}) goes in flat vectors: stride 1, an
   * output plane of the input's size, and at least a quarter fewer vectors than by rows.
   */
  static boolean applies(ConvOp op, TargetDescription target) {
    long[] xs = op.operandType(0).shape();
    long[] os = ((ShapedType) op.result(0).type()).shape();
    long[] st = op.strides();
    int width = target.vectorWidth();
    if (width <= 1 || st[0] != 1 || st[1] != 1 || os[2] != xs[2] || os[3] != xs[3]) return false;
    long flat = Math.ceilDiv(os[2] * os[3], width);
    long byRows = os[2] * Math.ceilDiv(os[3], width);
    return flat <= MAX_VECTORS && 4 * flat <= 3 * byRows;
  }

  /** Lowers {@code op} (which {@link #applies}), each output vector passed through {@code epilogue} (null: none). */
  static void conv(ConvOp op, Loops l, Value x, Value w, Value bias, Value out, int width, MatMulKernel.Epilogue epilogue) {
    long[] xs = ((MemRefType) x.type()).shape();
    long[] ws = ((MemRefType) w.type()).shape();
    long[] os = ((MemRefType) out.type()).shape();
    long[] dl = op.dilations();
    long[] pd = op.pads();
    long multiplier = ws[0] / op.group();
    long h = xs[2];
    long rowLength = xs[3];
    long size = h * rowLength;
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    Builder b = l.builder();
    Value images = CollapseShapeOp.create(b, l.location(), x, new int[] {0}, new int[] {1}, new int[] {2, 3}).result();
    Value planes = CollapseShapeOp.create(b, l.location(), out, new int[] {0}, new int[] {1}, new int[] {2, 3}).result();
    l.parallelForEach(new long[] {os[0], os[1]}, size * ws[2] * ws[3], iv -> {
      Value image = iv.get(0);
      Value oc = iv.get(1);
      Value ic = multiplier == 1 ? oc : l.divui(oc, l.index(multiplier));
      DepthwiseConv.PlaneWeights weights = DepthwiseConv.PlaneWeights.load(l, w, bias, oc, ws).broadcast(l, vt);
      List<Value> taps = weights.taps();
      Value start = weights.bias();
      List<Value> plane = List.of(image, ic);
      for (long q0 = 0; q0 < size; q0 += width) {
        Value acc = null;
        for (int i = 0; i < ws[2]; i++) {
          long dy = i * dl[0] - pd[0];
          if (!anyRowInside(q0, width, size, rowLength, h, dy)) continue;
          // Each window row in a chain of its own (the first from the bias), added at the end.
          Value part = acc == null ? start : RowVectors.zeros(l, vt);
          for (int j = 0; j < ws[3]; j++) {
            long dx = j * dl[1] - pd[1];
            boolean[] inside = columnsInside(q0, width, rowLength, dx);
            if (none(inside)) continue;
            Value in = RowVectors.at(l, vt, images, plane, size, q0 + dy * rowLength + dx);
            Value sum = FMAOp.create(b, l.location(), in, taps.get((int) (i * ws[3] + j)), part).result();
            part = all(inside) ? sum : l.select(mask(l, inside), sum, part);
          }
          acc = acc == null ? part : l.add(acc, part);
        }
        if (acc == null) acc = start;
        boolean masked = q0 + width > size;
        Value at = l.index(q0);
        if (epilogue != null) acc = epilogue.apply(l, List.of(image, oc, at), acc, vt, masked);
        if (masked) TransferWriteOp.create(b, l.location(), acc, planes, List.of(image, oc, at), false);
        else StoreOp.create(b, l.location(), acc, planes, List.of(image, oc, at));
      }
    });
  }

  /** Whether some lane of the vector from flat position q0 reads a row of the image at row offset dy. */
  private static boolean anyRowInside(long q0, int width, long size, long rowLength, long rows, long dy) {
    for (long q = q0; q < Math.min(q0 + width, size); q++) {
      long y = q / rowLength + dy;
      if (y >= 0 && y < rows) return true;
    }
    return false;
  }

  /** For each lane of the vector from flat position q0: whether its column plus dx lies in the row. */
  private static boolean[] columnsInside(long q0, int width, long rowLength, long dx) {
    boolean[] inside = new boolean[width];
    for (int lane = 0; lane < width; lane++) {
      long column = (q0 + lane) % rowLength + dx;
      inside[lane] = column >= 0 && column < rowLength;
    }
    return inside;
  }

  private static boolean all(boolean[] lanes) {
    for (boolean on : lanes) if (!on) return false;
    return true;
  }

  private static boolean none(boolean[] lanes) {
    for (boolean on : lanes) if (on) return false;
    return true;
  }

  /** The lanes as a constant vector of i1. */
  private static Value mask(Loops l, boolean[] lanes) {
    long[] bits = new long[lanes.length];
    for (int i = 0; i < lanes.length; i++) bits[i] = lanes[i] ? 1 : 0;
    VectorType type = new VectorType(new long[] {lanes.length}, IntegerType.I1);
    return ConstantOp.create(l.builder(), l.location(), DenseElementsAttr.ofLongs(type, bits)).result();
  }
}
