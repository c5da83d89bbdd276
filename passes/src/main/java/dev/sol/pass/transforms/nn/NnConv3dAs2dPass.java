package dev.sol.pass.transforms.nn;

import dev.sol.dialect.nn.ConcatOp;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.dialect.nn.FusedOp;
import dev.sol.dialect.nn.PadOp;
import dev.sol.dialect.nn.SliceOp;
import dev.sol.dialect.nn.TransposeOp;
import dev.sol.ir.*;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import static dev.sol.pass.transforms.nn.ReshapedEpilogue.create;
import static dev.sol.pass.transforms.nn.ReshapedEpilogue.reshape;
import static dev.sol.pass.transforms.nn.ReshapedEpilogue.shape;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites each 3-D nn.conv of one group (input n x c x d x h x w, weights m x c x kd x kh x
 * kw) as a 2-D one over the output depths taken as images: the input, padded in depth,
 * sliced once per depth tap t (depths t * dilation + j * stride for output depth j), stacked
 * as n x do x (c, kd) x h x w (nn.concat, nn.transpose, nn.reshape) and multiplied by the
 * weights reshaped to m x (c * kd) x kh x kw, with the height's and width's strides, pads and
 * dilations; the result (n * do) x m x ho x wo is reshaped and transposed back to n x m x do x
 * ho x wo. The depth taps become channels of the 2-D product, so the CPU's 2-D kernels take
 * it, at the price of kd copies of the input: the generic lowering's scalar loops took 11.8
 * times ONNX Runtime's time on a small video network (3 -> 32 -> 64 channels, 8 x 64 x 64).
 * Activations after the convolution (relu, leaky_relu, clip, hard_sigmoid, hard_swish) move
 * onto the 2-D result, so that nn-fuse puts them into its epilogue.
 */
@PassInfo(name = "nn-conv3d-as-2d", summary = "Rewrite 3-D nn.conv of one group as a 2-D convolution over depth-tap channels")
public final class NnConv3dAs2dPass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  @Override public boolean run(Operation root, NoOptions options, PassState state) {
    List<ConvOp> convs = new ArrayList<>();
    root.walk(o -> {
      if (o instanceof ConvOp c && !(o.parentOp() instanceof FusedOp) && c.group() == 1 && c.operand(0).type() instanceof RankedTensorType t
          && t.rank() == 5 && t.hasStaticShape() && c.operand(1).type() instanceof RankedTensorType && c.result(0).type() instanceof RankedTensorType) {
        convs.add(c);
      }
    });
    Builder b = new Builder(state.context());
    for (ConvOp conv : convs) rewrite(conv, b);
    state.statistic("num-rewritten", "3-D convolutions rewritten as 2-D").add(convs.size());
    return true;
  }

  private static void rewrite(ConvOp conv, Builder b) {
    Location loc = conv.location();
    b.before(conv);
    Value x = conv.operand(0);
    long[] xs = shape(x);
    long[] ws = shape(conv.operand(1));
    long[] os = shape(conv.result(0));
    long[] st = conv.strides();
    long[] pd = conv.pads();
    long[] dl = conv.dilations();
    long n = xs[0], c = xs[1], kd = ws[2], depths = os[2];
    // Padded in depth only; the 2-D convolution pads height and width.
    if (pd[0] > 0 || pd[3] > 0) {
      long[] padded = xs.clone();
      padded[2] += pd[0] + pd[3];
      x = create(b, PadOp.SPEC.name(), loc, List.of(x), padded, x,
          "pads", DenseArrayAttr.i64(new long[] {0, 0, pd[0], 0, 0, 0, 0, pd[3], 0, 0}));
    }
    long[] ps = shape(x);
    List<Value> taps = new ArrayList<>();
    for (long t = 0; t < kd; t++) {
      long first = t * dl[0];
      long[] sliced = {n, c, depths, ps[3], ps[4]};
      Value s = create(b, SliceOp.SPEC.name(), loc, List.of(x), sliced, x, "starts", DenseArrayAttr.i64(new long[] {0, 0, first, 0, 0}),
          "ends", DenseArrayAttr.i64(new long[] {n, c, first + (depths - 1) * st[0] + 1, ps[3], ps[4]}),
          "steps", DenseArrayAttr.i64(new long[] {1, 1, st[0], 1, 1}));
      taps.add(reshape(b, loc, s, new long[] {n, c, depths, 1, ps[3], ps[4]}));
    }
    Value stacked = taps.size() == 1 ? taps.getFirst()
        : create(b, ConcatOp.SPEC.name(), loc, taps, new long[] {n, c, depths, kd, ps[3], ps[4]}, x, "axis", IntegerAttr.i64(3));
    Value images = create(b, TransposeOp.SPEC.name(), loc, List.of(stacked), new long[] {n, depths, c, kd, ps[3], ps[4]}, x,
        "perm", DenseArrayAttr.i64(new long[] {0, 2, 1, 3, 4, 5}));
    images = reshape(b, loc, images, new long[] {n * depths, c * kd, ps[3], ps[4]});
    Value w = reshape(b, loc, conv.operand(1), new long[] {ws[0], ws[1] * kd, ws[3], ws[4]});
    ConvOp flat = ConvOp.create(b, loc, images, w, conv.numOperands() > 2 ? conv.operand(2) : null, new long[] {st[1], st[2]},
        new long[] {pd[1], pd[2], pd[4], pd[5]}, new long[] {dl[1], dl[2]}, 1);
    // Activations after it move onto the 2-D result, into its epilogue (nn-fuse), before the
    // reshape and transpose back.
    ReshapedEpilogue.move(conv, flat.result(0), b, false, (in, moved) -> create(in, TransposeOp.SPEC.name(), loc,
        List.of(reshape(in, loc, moved.value(), new long[] {n, depths, os[1], os[3], os[4]})), os, moved.value(),
        "perm", DenseArrayAttr.i64(new long[] {0, 2, 1, 3, 4})));
  }
}
