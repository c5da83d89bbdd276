package dev.sol.lowering.nn2loops;

import dev.sol.dialect.memref.CollapseShapeOp;
import dev.sol.dialect.memref.SubViewOp;
import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.ConvTransposeOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.List;

/**
 * A 2-D nn.conv_transpose on f32 as a matrix product and a scatter (col2im, as
 * ONNX Runtime and Caffe do it): per image, cols ((oc, i, j) x pixels) = W^T (oc * kh * kw x
 * ic) x the image (ic x h * w) on the {@link MatMulKernel}, then each element of cols is added
 * to the output it lands on, (y * sh - ph + i * dh, x * sw - pw + j * dw), after the output
 * has been set to the bias. The gather of {@link ConvTransposeLowering} visited every input
 * channel and tap for each output and kept the few whose position matched the stride: a 2 x 2
 * transposed convolution with stride 2 of 64 -> 32 channels at 64 x 64 took 103 ms, 67 times
 * ONNX Runtime's. The product runs a block of input rows at a time, as many as keep cols in
 * the L2 cache; the scatter goes over output channels on threads, each plane written by one
 * thread in one order, so that results do not depend on the threads. Groups go one after the
 * other, each its own product (ic/g x h*w by oc/g * kh * kw) on its channels (a depthwise 4 x 4
 * transposed convolution with stride 2 of 64 channels at 64 x 64: 3.8 times ONNX Runtime's
 * time with the gather, 1.4-1.6 times as products; depthwise ones now take {@link
 * DepthwiseConvTranspose}).
 */
final class VectorConvTranspose {
  private VectorConvTranspose() {}

  /** Whether {@code op} takes this lowering on target {@code t}. */
  static boolean applies(ConvTransposeOp op, TargetDescription t) {
    ShapedType x = op.operandType(0);
    return t.vectorizes() && x.element().equals(FloatType.F32) && x.rank() == 4;
  }

  static void lower(ConvTransposeOp op, Loops l, Value x, Value w, Value bias, Value out, TargetDescription t, Buffers buffers) {
    long[] xs = ((MemRefType) x.type()).shape();
    long[] ws = ((MemRefType) w.type()).shape();
    long[] os = ((MemRefType) out.type()).shape();
    long groups = op.group();
    long taps = ws[2] * ws[3];
    long m = ws[1] * taps;
    long k = xs[1] / groups;
    long rows = Math.max(1, Math.min(xs[2], t.l2Bytes() / 2 / (4 * m * xs[3])));
    KernelShape s = VectorConv.panelCopies(t, KernelShape.choose(t, m, rows * xs[3], k), m, k);
    long panels = Math.ceilDiv(m, s.mr());
    // The weights (ic x oc * kh * kw per group) are A transposed: packed at compile time when
    // constant, group after group (group g's panels from g * panels on).
    Value pa;
    Builder b = l.builder();
    if (op.operand(1).definingOp() instanceof ConstantOp c) {
      pa = buffers.table(l, GemmPacking.packConstantAGroups(s.mr(), c.value(), groups, m, k, true), op);
    } else {
      pa = l.alloc(new MemRefType(new long[] {groups * panels, k, s.mr()}, FloatType.F32));
      Value matrix = CollapseShapeOp.create(b, l.location(), w, new int[] {0}, new int[] {1, 2, 3}).result();
      for (long g = 0; g < groups; g++) {
        Value rowsOfGroup = groups == 1 ? matrix : SubViewOp.create(b, l.location(), matrix, new long[] {g * k, 0}, List.of(), new long[] {k, m}).result();
        Value into = groups == 1 ? pa
            : SubViewOp.create(b, l.location(), pa, new long[] {g * panels, 0, 0}, List.of(), new long[] {panels, k, s.mr()}).result();
        GemmPacking.packA(l, s, new GemmPacking.Matrix(rowsOfGroup, List.of(), true), m, k, 1, into);
      }
    }
    Value images = CollapseShapeOp.create(b, l.location(), x, new int[] {0}, new int[] {1}, new int[] {2, 3}).result();
    Value cols = l.alloc(new MemRefType(new long[] {m, rows * xs[3]}, FloatType.F32));
    Value zero = l.constant(0, FloatType.F32);
    KernelShape last = VectorConv.panelCopies(t, KernelShape.choose(t, m, rows * xs[3], k).forColumns(t, xs[2] % rows * xs[3], k), m, k);
    l.forEach(new long[] {xs[0]}, iv -> {
      Value image = iv.getFirst();
      l.parallelForEach(new long[] {os[1], os[2], os[3]}, 1,
          ov -> l.store(bias == null ? zero : l.load(bias, List.of(ov.getFirst())), out, List.of(image, ov.get(0), ov.get(1), ov.get(2))));
      java.util.function.Consumer<Value> group = g -> {
        Value ga = groups == 1 ? pa : SubViewOp.create(b, l.location(), pa, new long[] {ShapedType.DYNAMIC, 0, 0}, List.of(l.mul(g, l.index(panels))),
            new long[] {panels, k, s.mr()}).result();
        Group part = new Group(ga, l.mul(g, l.index(k)), l.mul(g, l.index(ws[1])));
        l.forRange(l.index(0), l.index(xs[2] / rows * rows), rows, y0 -> blockOf(op, l, s, part, images, cols, out, image, y0, rows, xs, ws, os));
        if (xs[2] % rows != 0) blockOf(op, l, last, part, images, cols, out, image, l.index(xs[2] / rows * rows), xs[2] % rows, xs, ws, os);
      };
      if (groups == 1) group.accept(l.index(0));
      else l.forRange(l.index(0), l.index(groups), 1, group);
    });
  }

  /** One group's packed weights, and its first input and output channels. */
  private record Group(Value packedA, Value firstInput, Value firstOutput) {}

  /** The product and the scatter of input rows [y0, y0 + rows) of {@code image}, for group {@code part}. */
  private static void blockOf(ConvTransposeOp op, Loops l, KernelShape s, Group part, Value images, Value cols, Value out, Value image, Value y0,
      long rows, long[] xs, long[] ws, long[] os) {
    long m = ws[1] * ws[2] * ws[3];
    long k = xs[1] / op.group();
    long n = rows * xs[3];
    Value first = l.mul(y0, l.index(xs[3]));
    // Rows of B (channels) lie an image plane apart: each B panel is copied for its A panels.
    MatMulKernel.emit(l, s, m, n, k, part.packedA(), new MatMulKernel.PanelCopied(imageColumns(images, image, part.firstInput(), first, s.nr())),
        cols, List.of(), MatMulKernel.ZERO);
    long[] st = op.strides();
    long[] dl = op.dilations();
    long[] pd = op.pads();
    Loops serial = l.serial();
    // Each output channel's plane takes kh * kw * rows * w additions, by one thread.
    l.parallelForEach(new long[] {ws[1]}, ws[2] * ws[3] * n, oc -> {
      Value inGroup = oc.getFirst();
      Value channel = l.add(part.firstOutput(), inGroup);
      serial.forRange(l.index(0), l.index(ws[2]), 1, i -> serial.forRange(l.index(0), l.index(ws[3]), 1, j -> {
        Value row = l.add(l.mul(l.add(l.mul(inGroup, l.index(ws[2])), i), l.index(ws[3])), j);
        // Input rows y land on output row y * sh + i * dh - ph, inside for y in [yLo, yHi).
        Value rowShift = l.sub(l.mul(i, l.index(dl[0])), l.index(pd[0]));
        Value colShift = l.sub(l.mul(j, l.index(dl[1])), l.index(pd[1]));
        Value yLo = l.maxsi(y0, ceilDiv(l, l.sub(l.index(0), rowShift), st[0]));
        Value yHi = l.minsi(l.add(y0, l.index(rows)), ceilDiv(l, l.sub(l.index(os[2]), rowShift), st[0]));
        Value xLo = l.maxsi(l.index(0), ceilDiv(l, l.sub(l.index(0), colShift), st[1]));
        Value xHi = l.minsi(l.index(xs[3]), ceilDiv(l, l.sub(l.index(os[3]), colShift), st[1]));
        serial.forRange(yLo, yHi, 1, y -> {
          Value oy = l.add(l.mul(y, l.index(st[0])), rowShift);
          Value base = l.mul(l.sub(y, y0), l.index(xs[3]));
          serial.forRange(xLo, xHi, 1, xx -> {
            List<Value> at = List.of(image, channel, oy, l.add(l.mul(xx, l.index(st[1])), colShift));
            l.store(l.add(l.load(out, at), l.load(cols, List.of(row, l.add(base, xx)))), out, at);
          });
        });
      }));
    });
  }

  /** B: the image's channels (rows of k) from channel {@code channel0} and pixel {@code first} on, panels of {@code nr} columns; zeros past the image. */
  private static MatMulKernel.BSource imageColumns(Value images, Value image, Value channel0, Value first, int nr) {
    return (l, panel, kk, column, type, masked) -> {
      List<Value> idx = List.of(image, l.add(channel0, kk), l.add(first, l.add(l.mul(panel, l.index(nr)), l.index(column))));
      if (!masked) return LoadOp.create(l.builder(), l.location(), type, images, idx).result();
      return TransferReadOp.create(l.builder(), l.location(), type, images, idx, l.constant(0, type.element()), false).result();
    };
  }

  /** ceil(a / d) for a signed index a and a positive constant d. */
  private static Value ceilDiv(Loops l, Value a, long d) {
    return d == 1 ? a : l.floorDivsi(l.add(a, l.index(d - 1)), l.index(d));
  }

}
