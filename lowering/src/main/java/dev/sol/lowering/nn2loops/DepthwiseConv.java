package dev.sol.lowering.nn2loops;

import dev.sol.dialect.math.FmaOp;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * A 2-D depthwise nn.conv on f32 (one input channel per group, as in MobileNet and ShuffleNet)
 * as a direct kernel: per image and output channel, each output is the bias plus its taps,
 * unrolled, with the channel's weights held in registers, and goes through the epilogue
 * before its single store. The output plane is cut statically into the interior, whose taps
 * all read inside the image (no bounds checks: a plain loop along the row that LLVM
 * vectorizes, stride 2 included), and the border, whose taps read a clamped address and
 * select zero outside. The generic loops of {@link ConvLowering} instead read and write the
 * output plane once per tap and check every address.
 */
final class DepthwiseConv {
  private DepthwiseConv() {}

  /** Whether {@code op} is a depthwise 2-D convolution on f32 for a target with vectors. */
  static boolean applies(ConvOp op, TargetDescription t) {
    ShapedType x = op.operandType(0);
    ShapedType w = op.operandType(1);
    return t.vectorizes() && x.element().equals(FloatType.F32) && x.rank() == 4 && op.group() > 1 && op.group() == x.shape()[1]
        && w.shape()[1] == 1;
  }

  /**
   * Lowers {@code op} (which {@link #applies}), each output passed through {@code epilogue}
   * (null: none) as a scalar ({@code type} null) at output indices [image, channel, y * ow + x].
   */
  static void conv(ConvOp op, Loops l, Value x, Value w, Value bias, Value out, MatMulKernel.Epilogue epilogue) {
    long[] xs = ((MemRefType) x.type()).shape();
    long[] ws = ((MemRefType) w.type()).shape();
    long[] os = ((MemRefType) out.type()).shape();
    long multiplier = ws[0] / op.group();
    long[] st = op.strides();
    long[] dl = op.dilations();
    long[] pd = op.pads();
    long[] rows = interior(os[2], xs[2], st[0], dl[0], pd[0], ws[2]);
    long[] cols = interior(os[3], xs[3], st[1], dl[1], pd[1], ws[3]);
    Type f32 = FloatType.F32;
    l.parallelForEach(new long[] {os[0], os[1]}, os[2] * os[3] * ws[2] * ws[3], iv -> {
      Value image = iv.get(0);
      Value oc = iv.get(1);
      Value ic = multiplier == 1 ? oc : l.divui(oc, l.index(multiplier));
      List<Value> taps = new ArrayList<>();
      for (int i = 0; i < ws[2]; i++) {
        for (int j = 0; j < ws[3]; j++) taps.add(l.load(w, List.of(oc, l.index(0), l.index(i), l.index(j))));
      }
      Value start = bias == null ? l.constant(0, f32) : l.load(bias, List.of(oc));
      Plane p = new Plane(op, l, x, out, image, ic, oc, taps, start, xs, ws, os, epilogue);
      p.rows(0, rows[0], true);
      l.forEach(new long[] {rows[1] - rows[0]}, yv -> {
        Value y = l.add(yv.getFirst(), l.index(rows[0]));
        p.columns(y, 0, cols[0], true);
        p.columns(y, cols[0], cols[1], false);
        p.columns(y, cols[1], os[3], true);
      });
      p.rows(rows[1], os[2], true);
    });
  }

  /** One output plane's loops: its image, channels, weights and bias. */
  private record Plane(ConvOp op, Loops l, Value x, Value out, Value image, Value ic, Value oc, List<Value> taps, Value start, long[] xs,
      long[] ws, long[] os, MatMulKernel.Epilogue epilogue) {

    /** Every column of the output rows [from, to). */
    void rows(long from, long to, boolean checked) {
      if (from >= to) return;
      l.forEach(new long[] {to - from}, yv -> columns(from == 0 ? yv.getFirst() : l.add(yv.getFirst(), l.index(from)), 0, os[3], checked));
    }

    /** The outputs [from, to) of row y; checked: taps may read outside the image. */
    void columns(Value y, long from, long to, boolean checked) {
      if (from >= to) return;
      l.forEach(new long[] {to - from}, xv -> output(y, from == 0 ? xv.getFirst() : l.add(xv.getFirst(), l.index(from)), checked));
    }

    private void output(Value y, Value col, boolean checked) {
      long[] st = op.strides();
      long[] dl = op.dilations();
      long[] pd = op.pads();
      Type f32 = FloatType.F32;
      Value acc = start;
      Value y0 = l.mul(y, l.index(st[0]));
      Value x0 = l.mul(col, l.index(st[1]));
      for (int i = 0; i < ws[2]; i++) {
        Value iy = offset(y0, i * dl[0] - pd[0]);
        for (int j = 0; j < ws[3]; j++) {
          Value ix = offset(x0, j * dl[1] - pd[1]);
          Value v;
          if (checked) {
            Value inside = l.and(l.inRange(iy, 0, xs[2]), l.inRange(ix, 0, xs[3]));
            v = l.select(inside, l.load(x, List.of(image, ic, l.clamp(iy, xs[2]), l.clamp(ix, xs[3]))), l.constant(0, f32));
          } else {
            v = l.load(x, List.of(image, ic, iy, ix));
          }
          acc = FmaOp.create(l.builder(), l.location(), v, taps.get((int) (i * ws[3] + j)), acc).result();
        }
      }
      if (epilogue != null) acc = epilogue.apply(l, List.of(image, oc, l.add(l.mul(y, l.index(os[3])), col)), acc, null, false);
      l.store(acc, out, List.of(image, oc, y, col));
    }

    private Value offset(Value v, long by) { return by == 0 ? v : l.add(v, l.index(by)); }
  }

  /**
   * The outputs [lo, hi) of {@code outputs} all of whose {@code kernel} taps read inside [0, size):
   * o * stride + t * dilation - pad in range for every tap t.
   */
  static long[] interior(long outputs, long size, long stride, long dilation, long pad, long kernel) {
    long lo = Math.ceilDiv(pad, stride);
    long hi = Math.floorDiv(size - 1 + pad - (kernel - 1) * dilation, stride) + 1;
    lo = Math.min(Math.max(0, lo), outputs);
    hi = Math.max(lo, Math.min(outputs, hi));
    return new long[] {lo, hi};
  }
}
