package dev.sol.pass.transforms.nn;

import static dev.sol.pass.transforms.nn.ReshapedEpilogue.create;
import static dev.sol.pass.transforms.nn.ReshapedEpilogue.reshape;
import static dev.sol.pass.transforms.nn.ReshapedEpilogue.shape;

import dev.sol.dialect.nn.AddOp;
import dev.sol.dialect.nn.BatchNormOp;
import dev.sol.dialect.nn.ConcatOp;
import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.dialect.nn.ConvTransposeOp;
import dev.sol.dialect.nn.FusedOp;
import dev.sol.dialect.nn.TransposeOp;
import dev.sol.ir.*;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a 2-D nn.conv_transpose with constant f32 weights and no dilation as one
 * nn.conv per output phase, interleaved (the sub-pixel convolution). With stride s, the outputs
 * at s a + r of a dimension take only the taps i = r' + s t of its kernel, r' = (r + p) mod s
 * (p the leading pad), from input a + c - t, c = (r + p) div s: a convolution of stride 1 over
 * the input with those T = ceil((k - r') / s) taps in reverse order, leading pad T - 1 - c and
 * trailing pad A + c - h (A = H / s outputs of the phase, h inputs). The s_h s_w phases,
 * joined along the channels, become the result by a reshape, a transpose and a reshape (as
 * ONNX's DepthToSpace). The convolutions then take the CPU's convolution kernels, and no tap
 * multiplies a zero; the lowering of nn.conv_transpose computed a matrix product of all taps
 * (oc kh kw rows) a block of input rows at a time and added each element into the output one
 * by one. SimpleBaseline's 4 x 4 stride-2 layers of 256 channels (32 x 24 -> 64 x 48) took
 * 1.4 times ONNX Runtime's time that way.
 *
 * <p>The chain of ops after it that act on each element by its channel alone (an inference
 * batch normalization, an activation) goes onto each phase, before the interleave: run before
 * nn-fold-batchnorm, the normalization folds into each phase's weights, and nn-fuse takes the
 * activation into each convolution's kernel, where after the interleave they were a pass of
 * their own over the result.
 *
 * <p>Taken where every phase has the same size and at least one tap, and no phase's pads are
 * negative (a large leading pad or a cut trailing output); groups stay groups of the phases'
 * convolutions. Other transposed convolutions keep their lowering, depthwise ones their own
 * kernel. A stride of 1 gives one phase: a convolution with the kernel flipped.
 */
@PassInfo(name = "nn-conv-transpose-phases", summary = "Rewrite a 2-D nn.conv_transpose with constant weights as one nn.conv per output phase, interleaved")
public final class NnConvTransposePhasesPass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  @Override public boolean run(Operation root, NoOptions options, PassState state) {
    Map<ConvTransposeOp, Phase[][]> found = new LinkedHashMap<>();
    root.walk(o -> {
      if (o instanceof ConvTransposeOp c && !(o.parentOp() instanceof FusedOp)) {
        Phase[][] phases = phases(c);
        if (phases != null) found.put(c, phases);
      }
    });
    Builder b = new Builder(state.context());
    found.forEach((c, phases) -> rewrite(c, phases, b));
    state.statistic("num-rewritten", "transposed convolutions rewritten as convolutions per phase").add(found.size());
    return true;
  }

  /** How one dimension's outputs at s a + r are computed: the kernel's taps first + s t (t < taps), and the pads of the convolution. */
  record Phase(long first, long taps, long padLow, long padHigh) {}

  /** Each dimension's phases (phases[d][r]), or null where {@code c} does not take this rewrite. */
  static Phase[][] phases(ConvTransposeOp c) {
    if (!(c.operand(0).type() instanceof RankedTensorType x) || x.rank() != 4 || !x.element().equals(FloatType.F32)) return null;
    if (!(c.operand(1).definingOp() instanceof ConstantOp) || !(c.result(0).type() instanceof RankedTensorType out)) return null;
    long[] xs = x.shape(), ws = shape(c.operand(1)), os = out.shape();
    // Depthwise ones (one input and one output channel a group) keep their own kernel.
    if (c.group() > 1 && ws[0] == c.group() && ws[1] == 1) return null;
    long[] st = c.strides(), pd = c.pads(), dl = c.dilations();
    Phase[][] phases = new Phase[2][];
    for (int d = 0; d < 2; d++) {
      long s = st[d], k = ws[d + 2], h = xs[d + 2], big = os[d + 2];
      if (dl[d] != 1 || big % s != 0) return null;
      phases[d] = new Phase[(int) s];
      for (long r = 0; r < s; r++) {
        long first = (r + pd[d]) % s, shift = (r + pd[d]) / s;
        long taps = first >= k ? 0 : Math.ceilDiv(k - first, s);
        long padLow = taps - 1 - shift, padHigh = big / s + shift - h;
        if (taps == 0 || padLow < 0 || padHigh < 0) return null;
        phases[d][(int) r] = new Phase(first, taps, padLow, padHigh);
      }
    }
    return phases;
  }

  private static void rewrite(ConvTransposeOp c, Phase[][] phases, Builder b) {
    Location loc = c.location();
    ConstantOp weights = (ConstantOp) c.operand(1).definingOp();
    Value x = c.operand(0);
    Value bias = c.numOperands() > 2 ? c.operand(2) : null;
    long[] ws = shape(c.operand(1)), os = shape(c.result(0));
    long sh = c.strides()[0], sw = c.strides()[1];
    b.before(c);
    List<Value> convs = new ArrayList<>();
    for (Phase py : phases[0]) {
      for (Phase px : phases[1]) {
        Value w = ConstantOp.create(b, weights.location(), phaseWeights(weights.value(), ws, c.group(), py, px, sh, sw)).result(0);
        convs.add(ConvOp.create(b, loc, x, w, bias, new long[] {1, 1}, new long[] {py.padLow(), px.padLow(), py.padHigh(), px.padHigh()},
            new long[] {1, 1}, c.group()).result(0));
      }
    }
    // The per-channel ops after the transposed convolution go onto each phase, in front of the
    // interleave they commute with, where nn-fold-batchnorm and nn-fuse take them into the
    // convolutions.
    List<Operation> chain = perChannelChain(c);
    for (Operation op : chain) {
      for (int i = 0; i < convs.size(); i++) {
        List<Value> operands = new ArrayList<>(op.operands());
        operands.set(0, convs.get(i));
        convs.set(i, ReshapedEpilogue.recreate(b, op, operands, convs.get(i).type()));
      }
    }
    Operation last = chain.isEmpty() ? c : chain.getLast();
    Value result;
    if (convs.size() == 1) {
      result = convs.getFirst();
    } else {
      long n = os[0], oc = os[1], a = os[2] / sh, bw = os[3] / sw;
      Value joined = create(b, ConcatOp.SPEC.name(), loc, convs, new long[] {n, sh * sw * oc, a, bw}, x, "axis", IntegerAttr.i64(1));
      Value blocks = reshape(b, loc, joined, new long[] {n, sh, sw, oc, a, bw});
      Value moved = create(b, TransposeOp.SPEC.name(), loc, List.of(blocks), new long[] {n, oc, a, sh, bw, sw}, x, "perm",
          DenseArrayAttr.i64(new long[] {0, 3, 4, 1, 5, 2}));
      result = reshape(b, loc, moved, os);
    }
    last.result(0).replaceAllUsesWith(result);
    for (Operation op : chain.reversed()) op.erase();
    c.erase();
    if (weights.result(0).hasNoUses()) weights.erase();
  }

  /**
   * The ops after {@code c}, each the only user of the one before, that act on each element by
   * its channel alone (an inference batch normalization, an activation), so that they commute
   * with the interleave: applied to each phase, they give the same result.
   */
  private static List<Operation> perChannelChain(ConvTransposeOp c) {
    List<Operation> chain = new ArrayList<>();
    Value v = c.result(0);
    while (v.hasOneUse()) {
      Operation user = v.users().getFirst();
      if (user.parentOp() != c.parentOp() || user.operand(0) != v || user.numResults() != 1 || !user.result(0).type().equals(v.type())) break;
      boolean perChannel = user instanceof BatchNormOp
          || NnFusePass.isEpilogue(user, v) && !(user instanceof AddOp) && user.operands().stream().skip(1).allMatch(o -> ((ShapedType) o.type()).rank() == 0);
      if (!perChannel) break;
      chain.add(user);
      v = user.result(0);
    }
    return chain;
  }

  /**
   * The convolution weights (groups oc x ic / groups x taps_y x taps_x) of phase ({@code py},
   * {@code px}) from the transposed convolution's ({@code ws}: ic x oc x kh x kw, oc a group's
   * output channels): tap (u, v) is kernel tap (first_y + sh (taps_y - 1 - u), first_x + sw
   * (taps_x - 1 - v)), and output channel g oc + o reads group g's input channels.
   */
  private static DenseElementsAttr phaseWeights(DenseElementsAttr w, long[] ws, long groups, Phase py, Phase px, long sh, long sw) {
    long ic = ws[0] / groups, oc = ws[1], kh = ws[2], kw = ws[3];
    long ty = py.taps(), tx = px.taps();
    double[] out = new double[Math.toIntExact(groups * oc * ic * ty * tx)];
    int at = 0;
    for (long g = 0; g < groups; g++) {
      for (long o = 0; o < oc; o++) {
        for (long i = 0; i < ic; i++) {
          for (long u = 0; u < ty; u++) {
            for (long v = 0; v < tx; v++) {
              long ky = py.first() + sh * (ty - 1 - u), kx = px.first() + sw * (tx - 1 - v);
              out[at++] = w.isSplat() ? w.getDouble(0) : w.getDouble((((g * ic + i) * oc + o) * kh + ky) * kw + kx);
            }
          }
        }
      }
    }
    return DenseElementsAttr.ofDoubles(new RankedTensorType(new long[] {groups * oc, ic, ty, tx}, FloatType.F32), out);
  }
}
