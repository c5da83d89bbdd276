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
 * select zero outside ({@link PlaneWindows}). The generic loops of {@link ConvLowering} instead read and write the
 * output plane once per tap and check every address.
 */
final class DepthwiseConv {
  private DepthwiseConv() {}

  /** Whether {@code op} is a depthwise 2-D convolution on f32 for a target with vectors. */
  static boolean applies(ConvOp op, TargetDescription t) {
    ShapedType x = op.operandType(0);
    ShapedType w = op.operandType(1);
    return t.vectorizes() && x.element().equals(FloatType.F32) && x.rank() == 4 && op.group() > 1 && op.group() == x.shape()[1]
        && w.shape()[1] == 1 && PlaneWindows.unrolls(w.shape()[2], w.shape()[3]);
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
    PlaneWindows plane = new PlaneWindows(xs[2], xs[3], os[2], os[3], new long[] {ws[2], ws[3]}, op.strides(), op.dilations(), op.pads());
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
      plane.forEach(l, (y, col, checked) -> {
        Value acc = start;
        for (int i = 0; i < ws[2]; i++) {
          for (int j = 0; j < ws[3]; j++) {
            PlaneWindows.Tap t = plane.tap(l, y, col, i, j, checked);
            Value v = l.load(x, List.of(image, ic, t.iy(), t.ix()));
            if (t.inside() != null) v = l.select(t.inside(), v, l.constant(0, f32));
            acc = FmaOp.create(l.builder(), l.location(), v, taps.get((int) (i * ws[3] + j)), acc).result();
          }
        }
        if (epilogue != null) acc = epilogue.apply(l, List.of(image, oc, l.add(l.mul(y, l.index(os[3])), col)), acc, null, false);
        l.store(acc, out, List.of(image, oc, y, col));
      });
    });
  }
}
