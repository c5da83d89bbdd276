package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.ConvOp;
import dev.sol.ir.FloatType;
import dev.sol.ir.MemRefType;
import dev.sol.ir.ShapedType;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.List;

/**
 * A 2-D convolution for a long-vector machine (NEC's vector engine: 256 elements a vector
 * instruction), whose innermost loop runs over the whole output plane in one unit-stride sweep
 * instead of along one output row (56, 28 or 14 elements in most CNNs, a fraction of a vector).
 *
 * <p>The input is first copied into zero-padded phase planes: with stride s, plane (p, q) of a
 * channel holds the padded input's rows p, p+s, p+2s, ... and columns q, q+s, ..., so that the
 * tap (kh, kw) of every output pixel reads plane ((kh*d) mod s, (kw*d) mod s) at the pixel's
 * own position shifted by ((kh*d) div s) rows and ((kw*d) div s) columns. The output is
 * computed on rows as wide as a phase plane ({@code wq} columns, of which the first {@code ow}
 * are kept), so each tap is one multiply-add sweep over {@code oh * wq} consecutive elements
 * with no padding tests; the valid columns are copied out last, through the element-wise ops
 * fused after the convolution (bias and ReLU, a residual add). The extra work is the copy in,
 * the copy out and the {@code wq - ow} wasted columns a row (2 of 30 at 28x28 with 3x3 taps).
 * The same idea as the CPU's implicit GEMM over a shifted padded image ({@link MatMulKernel}).
 */
final class PlaneConv {
  private PlaneConv() {}

  /**
   * Whether {@code op} takes this form on {@code target}: a 2-D floating-point convolution whose
   * output rows are shorter than a vector, on a long-vector machine (without vector kernels).
   */
  static boolean applies(ConvOp op, TargetDescription target) {
    ShapedType x = op.operandType(0);
    if (target.vectorLength() == 0 || target.vectorizes() || x.rank() != 4 || !(x.element() instanceof FloatType)) return false;
    return ((ShapedType) op.result(0).type()).shape()[3] < target.vectorLength();
  }

  /**
   * The convolution of {@code x} by {@code w} into {@code out}; a fused {@code epilogue} (null:
   * none) is applied to each element as the valid columns are copied out.
   */
  static void conv(ConvOp op, Loops l, Value x, Value w, Value bias, Value out, MatMulKernel.Epilogue epilogue) {
    long[] xs = ((MemRefType) x.type()).shape();
    long[] ws = ((MemRefType) w.type()).shape();
    long[] os = ((MemRefType) out.type()).shape();
    long[] st = op.strides();
    long[] dl = op.dilations();
    long[] pd = op.pads();
    Type t = ((MemRefType) x.type()).element();
    long n = os[0];
    long oc = os[1];
    long oh = os[2];
    long ow = os[3];
    long c = xs[1];
    long kh = ws[2];
    long kw = ws[3];
    long sh = st[0];
    long sw = st[1];
    long icPerGroup = ws[1];
    long ocPerGroup = oc / op.group();
    // A phase plane: wide enough for every valid output column's taps (ceil of the padded width
    // over the stride); tall enough for the valid rows' taps plus the row that the last row's
    // wasted columns run into.
    long rowShift = (kh - 1) * dl[0] / sh;
    long columnShift = (kw - 1) * dl[1] / sw;
    long wq = Math.ceilDiv(xs[3] + pd[1] + pd[3], sw);
    long hq = oh + rowShift + (columnShift > 0 ? 1 : 0);
    long sweep = oh * wq;
    // Filled in one sweep of each plane too: the row and column of element q are q div wq and
    // q mod wq, and the store's address is the loop's own (which tells the VE's directives that
    // the iterations are independent).
    Value phases = l.alloc(new MemRefType(new long[] {n, c, sh, sw, hq * wq}, t));
    l.parallelForEach(new long[] {n, c, sh, sw, hq * wq}, 1, iv -> {
      Value row = l.sub(l.add(l.mul(l.divui(iv.get(4), l.index(wq)), l.index(sh)), iv.get(2)), l.index(pd[0]));
      Value column = l.sub(l.add(l.mul(l.remui(iv.get(4), l.index(wq)), l.index(sw)), iv.get(3)), l.index(pd[1]));
      Value inside = l.and(l.inRange(row, 0, xs[2]), l.inRange(column, 0, xs[3]));
      Value v = l.load(x, List.of(iv.get(0), iv.get(1), l.clamp(row, xs[2]), l.clamp(column, xs[3])));
      l.store(l.select(inside, v, l.constant(0, t)), phases, iv);
    });
    Value wide = l.alloc(new MemRefType(new long[] {n, oc, sweep}, t));
    l.parallelForEach(new long[] {n, oc}, sweep * icPerGroup * kh * kw, ov -> {
      Value b = bias == null ? l.constant(0, t) : l.load(bias, List.of(ov.get(1)));
      l.forEach(new long[] {sweep}, q -> l.store(b, wide, List.of(ov.get(0), ov.get(1), q.getFirst())));
      Value icBase = l.mul(l.divui(ov.get(1), l.index(ocPerGroup)), l.index(icPerGroup));
      l.forEach(new long[] {icPerGroup, kh, kw}, kv -> {
        Value weight = l.load(w, List.of(ov.get(1), kv.get(0), kv.get(1), kv.get(2)));
        Value tapRow = l.mul(kv.get(1), l.index(dl[0]));
        Value tapColumn = l.mul(kv.get(2), l.index(dl[1]));
        List<Value> phase = List.of(ov.get(0), l.add(icBase, kv.get(0)), l.remui(tapRow, l.index(sh)), l.remui(tapColumn, l.index(sw)));
        Value shift = l.add(l.mul(l.divui(tapRow, l.index(sh)), l.index(wq)), l.divui(tapColumn, l.index(sw)));
        l.forEach(new long[] {sweep}, q -> {
          List<Value> o = List.of(ov.get(0), ov.get(1), q.getFirst());
          Value in = l.load(phases, List.of(phase.get(0), phase.get(1), phase.get(2), phase.get(3), l.add(q.getFirst(), shift)));
          l.store(l.add(l.load(wide, o), l.mul(in, weight)), wide, o);
        });
      });
    });
    l.parallelForEach(os, 1, iv -> {
      Value v = l.load(wide, List.of(iv.get(0), iv.get(1), l.add(l.mul(iv.get(2), l.index(wq)), iv.get(3))));
      if (epilogue != null) v = epilogue.apply(l, List.of(iv.get(0), iv.get(1), l.add(l.mul(iv.get(2), l.index(ow)), iv.get(3))), v, null, false);
      l.store(v, out, iv);
    });
  }
}
