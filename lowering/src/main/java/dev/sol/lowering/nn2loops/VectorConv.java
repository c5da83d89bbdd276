package dev.sol.lowering.nn2loops;

import dev.sol.dialect.memref.CollapseShapeOp;
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
 * bias. A 1 x 1 convolution with stride 1 and no padding reads the image itself as the k x n
 * matrix; any other copies the taps into the rows of a column matrix first (im2col: one
 * contiguous row segment per tap and output row, zeros where the taps fall into the padding).
 * The callers keep their loops for other convolutions.
 */
final class VectorConv {
  private VectorConv() {}

  /** Lowers {@code op}; false when it is not for the vector kernels. */
  static boolean conv(ConvOp op, Loops l, Value x, Value w, Value bias, Value out, TargetDescription t) {
    long[] xs = ((MemRefType) x.type()).shape();
    long[] ws = ((MemRefType) w.type()).shape();
    long[] os = ((MemRefType) out.type()).shape();
    if (!t.vectorizes() || !((MemRefType) x.type()).element().equals(FloatType.F32) || xs.length != 4 || op.group() != 1) return false;
    long[] st = op.strides();
    long[] dl = op.dilations();
    long[] pd = op.pads();
    long m = ws[0];
    long k = ws[1] * ws[2] * ws[3];
    long n = os[2] * os[3];
    KernelShape s = KernelShape.choose(t, m, n, k);
    Builder b = l.builder();
    Value pa = l.alloc(GemmPacking.typeOfA(s, m, k));
    GemmPacking.packA(l, s, new Matrix(CollapseShapeOp.create(b, l.location(), w, new int[] {0}, new int[] {1, 2, 3}).result(), List.of(), false),
        m, k, 1, pa);
    Value images = CollapseShapeOp.create(b, l.location(), x, new int[] {0}, new int[] {1}, new int[] {2, 3}).result();
    Value planes = CollapseShapeOp.create(b, l.location(), out, new int[] {0}, new int[] {1}, new int[] {2, 3}).result();
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
        im2col(l, x, image, ws, os, st, dl, pd, cols);
        src = MatMulKernel.rows(cols, List.of(), s.nr());
      }
      MatMulKernel.emit(l, s, m, n, k, pa, src, planes, List.of(image), init);
    });
    return true;
  }

  /**
   * cols[(c * kh + i) * kw + j][y * ow + z] = x[image, c, y * sh + i * dh - ph, z * sw + j * dw - pw],
   * zero in the padding: the innermost loop runs along an output row, contiguous in cols.
   */
  private static void im2col(Loops l, Value x, Value image, long[] ws, long[] os, long[] st, long[] dl, long[] pd, Value cols) {
    long[] xs = ((MemRefType) x.type()).shape();
    Value zero = l.constant(0, FloatType.F32);
    l.forEach(new long[] {ws[1], ws[2], ws[3], os[2], os[3]}, iv -> {
      Value row = l.add(l.mul(l.add(l.mul(iv.get(0), l.index(ws[2])), iv.get(1)), l.index(ws[3])), iv.get(2));
      Value col = l.add(l.mul(iv.get(3), l.index(os[3])), iv.get(4));
      Value inside = null;
      Value[] at = new Value[2];
      for (int d = 0; d < 2; d++) {
        Value pos = l.add(l.mul(iv.get(3 + d), l.index(st[d])), l.mul(iv.get(1 + d), l.index(dl[d])));
        if (pd[d] != 0) pos = l.sub(pos, l.index(pd[d]));
        if (pd[d] != 0 || pd[d + 2] != 0) {
          inside = l.and(inside, l.inRange(pos, 0, xs[2 + d]));
          pos = l.clamp(pos, xs[2 + d]);
        }
        at[d] = pos;
      }
      Value v = l.load(x, List.of(image, iv.get(0), at[0], at[1]));
      l.store(inside == null ? v : l.select(inside, v, zero), cols, List.of(row, col));
    });
  }
}
