package dev.sol.lowering.nn2loops;

import dev.sol.dialect.memref.CollapseShapeOp;
import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import dev.sol.lowering.nn2loops.GemmPacking.Matrix;
import java.util.List;

/**
 * A 2-D nn.conv on f32 (one group) as the matrix product of {@link MatMulKernel}, per image:
 * out (oc x oh*ow) = W (oc x ic*kh*kw) cols (ic*kh*kw x oh*ow), the tiles starting from the
 * bias. Constant weights are packed at compile time. A 1 x 1 convolution with stride 1 and no
 * padding reads the image itself as the k x n matrix; any other copies the taps into the rows
 * of a column matrix first (im2col). The callers keep their loops for other convolutions.
 */
final class VectorConv {
  private VectorConv() {}

  /** Lowers {@code op}; false when it is not for the vector kernels. */
  static boolean conv(ConvOp op, Loops l, Value x, Value w, Value bias, Value out, TargetDescription t, Buffers buffers) {
    long[] xs = ((MemRefType) x.type()).shape();
    long[] ws = ((MemRefType) w.type()).shape();
    long[] os = ((MemRefType) out.type()).shape();
    if (!t.vectorizes() || !((MemRefType) x.type()).element().equals(FloatType.F32) || xs.length != 4 || op.group() != 1) return false;
    long m = ws[0];
    long k = ws[1] * ws[2] * ws[3];
    long n = os[2] * os[3];
    KernelShape s = KernelShape.choose(t, m, n, k);
    Builder b = l.builder();
    Value pa;
    if (op.operand(1).definingOp() instanceof ConstantOp weights) {
      pa = buffers.table(l, GemmPacking.packConstantA(s, weights.value(), m, k), op);
    } else {
      pa = l.alloc(GemmPacking.typeOfA(s, m, k));
      Value matrix = CollapseShapeOp.create(b, l.location(), w, new int[] {0}, new int[] {1, 2, 3}).result();
      GemmPacking.packA(l, s, new Matrix(matrix, List.of(), false), m, k, 1, pa);
    }
    Value images = CollapseShapeOp.create(b, l.location(), x, new int[] {0}, new int[] {1}, new int[] {2, 3}).result();
    Value planes = CollapseShapeOp.create(b, l.location(), out, new int[] {0}, new int[] {1}, new int[] {2, 3}).result();
    long[] st = op.strides();
    long[] pd = op.pads();
    boolean direct = ws[2] == 1 && ws[3] == 1 && st[0] == 1 && st[1] == 1 && pd[0] == 0 && pd[1] == 0 && pd[2] == 0 && pd[3] == 0;
    Value cols = direct ? null : l.alloc(new MemRefType(new long[] {k, n}, FloatType.F32));
    MatMulKernel.TileInit init = bias == null ? MatMulKernel.ZERO
        : (in, row, col, type, masked) -> BroadcastOp.create(in.builder(), in.location(), type, in.load(bias, List.of(row))).result();
    l.forEach(new long[] {xs[0]}, iv -> {
      Value image = iv.getFirst();
      MatMulKernel.BSource src;
      if (direct) {
        src = MatMulKernel.rows(images, List.of(image), s.nr());
      } else {
        im2col(l, op, x, image, ws, os, cols);
        src = MatMulKernel.rows(cols, List.of(), s.nr());
      }
      MatMulKernel.emit(l, s, m, n, k, pa, src, planes, List.of(image), init);
    });
    return true;
  }

  /**
   * cols[(c * kh + i) * kw + j][y * ow + z] = x[image, c, y * sh + i * dh - ph, z * sw + j * dw - pw],
   * zero in the padding. The taps are unrolled, so that each knows statically which output
   * rows and columns read inside the image: those are plain copies along a row (contiguous
   * with stride 1, which LLVM vectorizes), the others stores of zeros.
   */
  private static void im2col(Loops l, ConvOp op, Value x, Value image, long[] ws, long[] os, Value cols) {
    long[] xs = ((MemRefType) x.type()).shape();
    long[] st = op.strides();
    long[] dl = op.dilations();
    long[] pd = op.pads();
    Value zero = l.constant(0, FloatType.F32);
    l.parallelForEach(new long[] {ws[1]}, ws[2] * ws[3] * os[2] * os[3], cv -> {
      Value channel = cv.getFirst();
      for (int i = 0; i < ws[2]; i++) {
        long[] ys = inside(os[2], xs[2], st[0], i * dl[0] - pd[0]);
        for (int j = 0; j < ws[3]; j++) {
          long[] zs = inside(os[3], xs[3], st[1], j * dl[1] - pd[1]);
          Value row = l.add(l.mul(channel, l.index(ws[2] * ws[3])), l.index(i * ws[3] + j));
          long ow = os[3];
          if (zs[0] == zs[1]) ys = new long[] {0, 0};
          zeros(l, cols, row, 0, ys[0] * ow, zero);
          zeros(l, cols, row, ys[1] * ow, os[2] * ow, zero);
          long di = i * dl[0] - pd[0];
          long dj = j * dl[1] - pd[1];
          long[] y = ys;
          long[] z = zs;
          range(l, y[0], y[1], yv -> {
            Value start = l.mul(yv, l.index(ow));
            zerosFrom(l, cols, row, start, 0, z[0], zero);
            zerosFrom(l, cols, row, start, z[1], ow, zero);
            Value iy = l.add(l.mul(yv, l.index(st[0])), l.index(di));
            range(l, z[0], z[1], zv -> {
              Value ix = l.add(l.mul(zv, l.index(st[1])), l.index(dj));
              l.store(l.load(x, List.of(image, channel, iy, ix)), cols, List.of(row, l.add(start, zv)));
            });
          });
        }
      }
    });
  }

  /** The outputs [lo, hi) of {@code outputs} whose input position o * stride + offset lies in [0, size). */
  private static long[] inside(long outputs, long size, long stride, long offset) {
    long lo = Math.max(0, Math.ceilDiv(-offset, stride));
    long hi = Math.min(outputs, Math.floorDiv(size - 1 - offset, stride) + 1);
    return new long[] {lo, Math.max(lo, hi)};
  }

  private static void zeros(Loops l, Value cols, Value row, long from, long to, Value zero) {
    range(l, from, to, c -> l.store(zero, cols, List.of(row, c)));
  }

  private static void zerosFrom(Loops l, Value cols, Value row, Value start, long from, long to, Value zero) {
    range(l, from, to, c -> l.store(zero, cols, List.of(row, l.add(start, c))));
  }

  /** A loop over [from, to), or nothing when it is empty. */
  private static void range(Loops l, long from, long to, java.util.function.Consumer<Value> body) {
    if (from >= to) return;
    l.forEach(new long[] {to - from}, iv -> body.accept(from == 0 ? iv.getFirst() : l.add(iv.getFirst(), l.index(from))));
  }
}
