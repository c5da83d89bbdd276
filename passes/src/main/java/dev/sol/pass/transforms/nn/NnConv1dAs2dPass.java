package dev.sol.pass.transforms.nn;

import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.dialect.nn.FusedOp;
import dev.sol.ir.*;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import static dev.sol.pass.transforms.nn.ReshapedEpilogue.reshape;
import static dev.sol.pass.transforms.nn.ReshapedEpilogue.shape;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites each 1-D nn.conv (input n x c x l) as a 2-D one on images of height 1: the input
 * and the weights reshaped to n x c x 1 x l and m x c/g x 1 x k (constant weights as a new
 * constant), strides, dilations and pads of the width (no padding in the height), and the
 * result reshaped back. The CPU kernels of 2-D convolutions (matrix products, depthwise
 * kernels) then take it; a 1-D convolution had only the scalar loops of the generic lowering
 * (an audio front end, 1 -> 64 channels with an 80-tap window over 16000 samples and two
 * 3-tap layers after it, ran 12.6 times ONNX Runtime's time). The activations and the residual
 * add that nn-fuse puts into a convolution's epilogue (relu, leaky_relu, clip, hard_sigmoid,
 * hard_swish, a same-type nn.add) move onto the 2-D result with it, so that the reshape back
 * comes after them and the group still forms.
 */
@PassInfo(name = "nn-conv1d-as-2d", summary = "Rewrite 1-D nn.conv as 2-D convolutions of height 1")
public final class NnConv1dAs2dPass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  @Override public boolean run(Operation root, NoOptions options, PassState state) {
    List<ConvOp> convs = new ArrayList<>();
    root.walk(o -> {
      if (o instanceof ConvOp c && !(o.parentOp() instanceof FusedOp) && c.operand(0).type() instanceof RankedTensorType t && t.rank() == 3
          && c.operand(1).type() instanceof RankedTensorType && c.result(0).type() instanceof RankedTensorType) {
        convs.add(c);
      }
    });
    Builder b = new Builder(state.context());
    for (ConvOp conv : convs) rewrite(conv, b);
    state.statistic("num-rewritten", "1-D convolutions rewritten as 2-D").add(convs.size());
    return true;
  }

  private static void rewrite(ConvOp conv, Builder b) {
    Location loc = conv.location();
    b.before(conv);
    Value x = reshape(b, loc, conv.operand(0), withUnitHeight(shape(conv.operand(0))));
    Value w = conv.operand(1);
    long[] ws = withUnitHeight(shape(w));
    w = w.definingOp() instanceof ConstantOp c && w.hasOneUse()
        ? ConstantOp.create(b, c.location(), DenseElementsAttr.fromRaw(new RankedTensorType(ws, ((RankedTensorType) w.type()).element()),
            c.value().rawData())).result(0)
        : reshape(b, loc, w, ws);
    long[] pads = conv.pads();
    ConvOp wide = ConvOp.create(b, loc, x, w, conv.numOperands() > 2 ? conv.operand(2) : null, new long[] {1, conv.strides()[0]},
        new long[] {0, pads[0], 0, pads[1]}, new long[] {1, conv.dilations()[0]}, conv.group());
    Value weights = conv.operand(1);
    ReshapedEpilogue.move(conv, wide.result(0), b, true, (in, moved) -> reshape(in, loc, moved.value(), shape(moved.last().result(0))));
    if (weights.definingOp() instanceof ConstantOp c && weights.hasNoUses()) c.erase();
  }

  /** n x c x l as n x c x 1 x l. */
  private static long[] withUnitHeight(long[] s) { return new long[] {s[0], s[1], 1, s[2]}; }
}
