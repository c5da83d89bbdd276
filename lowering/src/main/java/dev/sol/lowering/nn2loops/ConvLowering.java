package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.ConvOp;
import dev.sol.ir.Type;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * nn.conv as accumulation into the result: after initializing it with the bias, each
 * (batch, output channel, input channel, kernel tap) adds weight x input over the whole
 * output plane. The innermost loop runs along an output row with one weight, which LLVM
 * vectorizes; padding reads a clamped address and selects zero. On a target with vectors, 2-D
 * f32 convolutions of one group are matrix products instead ({@link VectorConv}), depthwise
 * ones direct kernels ({@link DepthwiseConv}); on a long-vector machine, 2-D convolutions with
 * rows shorter than a vector sweep whole output planes ({@link PlaneConv}).
 */
public final class ConvLowering extends NnLowering<ConvOp> {
  private final TargetDescription target;

  public ConvLowering(Buffers buffers, TargetDescription target) {
    super(ConvOp.class, ConvOp.SPEC, buffers);
    this.target = target;
  }

  @Override protected void lower(ConvOp op, Loops l, List<Value> in, List<Value> outs) {
    Value x = in.get(0);
    Value w = in.get(1);
    Value bias = in.size() > 2 ? in.get(2) : null;
    Value out = outs.getFirst();
    requireFloat(op);
    if (VectorConv.conv(op, l, x, w, bias, out, target, buffers())) return;
    if (DepthwiseConv.applies(op, target)) {
      DepthwiseConv.conv(op, l, x, w, bias, out, target, null);
      return;
    }
    if (PlaneConv.applies(op, target)) {
      PlaneConv.conv(op, l, x, w, bias, out, null);
      return;
    }
    long[] xs = shape(x);
    long[] ws = shape(w);
    long[] os = shape(out);
    int dims = xs.length - 2;
    long icPerGroup = ws[1];
    long ocPerGroup = ws[0] / op.group();
    Type t = element(x);
    long[] taps = new long[1 + dims];
    taps[0] = icPerGroup;
    System.arraycopy(ws, 2, taps, 1, dims);
    Type wide = accumulator(t);
    if (!wide.equals(t)) {
      // Floats narrower than f32: each output the sum of its taps in f32 (see accumulator),
      // rounded once, not accumulated in the result.
      l.parallelForEach(os, product(taps), iv -> {
        Value oc = iv.get(1);
        Value icBase = l.mul(l.divui(oc, l.index(ocPerGroup)), l.index(icPerGroup));
        Value start = bias == null ? l.constant(0, wide) : widened(l, l.load(bias, List.of(oc)), wide);
        Value sum = l.reduce(taps, start, (kv, acc) -> {
          Value ic = l.add(icBase, kv.get(0));
          Value weight = widened(l, l.load(w, weightIndex(oc, kv)), wide);
          return l.add(acc, tapProduct(op, l, x, weight, iv.get(0), ic, iv.subList(2, iv.size()), kv));
        });
        l.store(narrowed(l, sum, t), out, iv);
      });
      return;
    }
    l.parallelForEach(os, 1, iv -> l.store(bias == null ? l.constant(0, t) : l.load(bias, List.of(iv.get(1))), out, iv));
    // Loop order: batch, output channel, output rows (all spatial dims but the last), then
    // input channel and kernel taps, then the output row itself, so that the row being
    // accumulated stays in the L1 cache while every tap adds to it.
    long[] outer = new long[2 + dims - 1];
    outer[0] = os[0];
    outer[1] = os[1];
    System.arraycopy(os, 2, outer, 2, dims - 1);
    l.parallelForEach(outer, os[os.length - 1] * product(taps), ov -> {
      Value oc = ov.get(1);
      Value icBase = l.mul(l.divui(oc, l.index(ocPerGroup)), l.index(icPerGroup));
      l.forEach(taps, kv -> {
        Value ic = l.add(icBase, kv.get(0));
        Value weight = l.load(w, weightIndex(oc, kv));
        l.forEach(new long[] {os[os.length - 1]}, last -> {
          List<Value> sv = new ArrayList<>(ov.subList(2, ov.size()));
          sv.add(last.get(0));
          Value prod = tapProduct(op, l, x, weight, ov.get(0), ic, sv, kv);
          List<Value> oi = new ArrayList<>(List.of(ov.get(0), oc));
          oi.addAll(sv);
          l.store(l.add(l.load(out, oi), prod), out, oi);
        });
      });
    });
  }

  /** The weight's indices for output channel {@code oc} at tap {@code kv} (input channel of the group, then the kernel's). */
  private static List<Value> weightIndex(Value oc, List<Value> kv) {
    List<Value> wi = new ArrayList<>(List.of(oc));
    wi.addAll(kv);
    return wi;
  }

  /**
   * The input value of channel {@code ic} that tap {@code kv} (input channel of the group, then
   * kernel offsets) of the output at spatial indices {@code sv} of {@code image} reads, times
   * {@code weight} (of the type it is computed in): zero where the tap falls in the padding.
   */
  private static Value tapProduct(ConvOp op, Loops l, Value x, Value weight, Value image, Value ic, List<Value> sv, List<Value> kv) {
    long[] xs = shape(x);
    int dims = xs.length - 2;
    long[] st = op.strides();
    long[] dl = op.dilations();
    long[] pd = op.pads();
    List<Value> xi = new ArrayList<>(List.of(image, ic));
    Value inside = null;
    for (int d = 0; d < dims; d++) {
      Value pos = l.add(l.mul(sv.get(d), l.index(st[d])), l.mul(kv.get(1 + d), l.index(dl[d])));
      pos = pd[d] == 0 ? pos : l.sub(pos, l.index(pd[d]));
      if (pd[d] != 0 || pd[d + dims] != 0) {
        inside = l.and(inside, l.inRange(pos, 0, xs[d + 2]));
        pos = l.clamp(pos, xs[d + 2]);
      }
      xi.add(pos);
    }
    Value prod = l.mul(widened(l, l.load(x, xi), weight.type()), weight);
    return inside == null ? prod : l.select(inside, prod, l.constant(0, weight.type()));
  }
}
