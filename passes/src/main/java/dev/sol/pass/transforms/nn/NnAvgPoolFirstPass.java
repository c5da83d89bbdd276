package dev.sol.pass.transforms.nn;

import dev.sol.dialect.nn.AvgPoolOp;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.dialect.nn.FusedOp;
import dev.sol.ir.*;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a 2-D average pool that is the only user of a 1 x 1 convolution (stride 1, no padding)
 * in front of it: avg_pool(conv(x)) becomes conv(avg_pool(x)), with the same weights and bias.
 * A 1 x 1 convolution is the same affine map at every pixel, and a window of a pool without
 * padding averages whole pixels with weights that sum to one, so the two commute (the bias
 * included); only the rounding moves. The convolution then runs on the pooled pixels: DenseNet's
 * transitions (a 1 x 1 convolution, then a 2 x 2 average pool at stride 2) multiply a quarter as
 * much, some 8% of DenseNet-121's multiplications, where the pool now reads the convolution's
 * input instead of its result (twice the channels there: a few cycles a pixel against hundreds
 * of multiply-adds).
 *
 * <p>Taken only where it pays and holds exactly: the pool has fewer output pixels than input
 * ones, no padding (so count_include_pad does not matter) and no ceil_mode; the convolution is
 * 1 x 1 with unit strides and dilations, no padding, on floats (any groups: each group is its
 * own 1 x 1 map). Batch normalization after the convolution is folded into it first
 * (nn-fold-batchnorm runs before); an activation between the two keeps them as they are.
 */
@PassInfo(name = "nn-avg-pool-first", summary = "Average-pool before a 1x1 convolution instead of after it: the same result from fewer multiplications")
public final class NnAvgPoolFirstPass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  @Override public boolean run(Operation root, NoOptions options, PassState state) {
    List<AvgPoolOp> pools = new ArrayList<>();
    root.walk(o -> {
      if (o instanceof AvgPoolOp p && !(o.parentOp() instanceof FusedOp) && commutes(p)) pools.add(p);
    });
    Builder b = new Builder(state.context());
    for (AvgPoolOp pool : pools) swap(pool, b);
    state.statistic("num-moved", "average pools moved before their 1x1 convolution").add(pools.size());
    return true;
  }

  /** Whether {@code pool} reads a 1 x 1 convolution that only it uses, and moving it in front pays and keeps the result. */
  static boolean commutes(AvgPoolOp pool) {
    if (!(pool.operand(0).definingOp() instanceof ConvOp conv) || !conv.result(0).hasOneUse()) return false;
    if (!(conv.operand(0).type() instanceof RankedTensorType x) || x.rank() != 4 || !(x.element() instanceof FloatType)) return false;
    if (!(conv.operand(1).type() instanceof RankedTensorType w) || w.shape()[2] != 1 || w.shape()[3] != 1) return false;
    if (!ones(conv.strides()) || !ones(conv.dilations()) || !zeros(conv.pads())) return false;
    if (!(pool.result(0).type() instanceof RankedTensorType out) || !zeros(pool.pads()) || pool.ceilMode()) return false;
    return out.shape()[2] * out.shape()[3] < x.shape()[2] * x.shape()[3];
  }

  /** conv(avg_pool(x)) in place of {@code pool}(conv(x)). */
  private static void swap(AvgPoolOp pool, Builder b) {
    ConvOp conv = (ConvOp) pool.operand(0).definingOp();
    RankedTensorType x = (RankedTensorType) conv.operand(0).type();
    long[] out = ((RankedTensorType) pool.result(0).type()).shape();
    b.before(pool);
    // The pool's attributes as they are; its result has the convolution input's channels.
    RankedTensorType pooledType = new RankedTensorType(new long[] {out[0], x.shape()[1], out[2], out[3]}, x.element());
    OperationState state = new OperationState(AvgPoolOp.SPEC.name(), pool.location()).operands(conv.operand(0)).results(pooledType);
    state.attributes = pool.attributes();
    AvgPoolOp pooled = b.create(AvgPoolOp.SPEC, state);
    ConvOp moved = ConvOp.create(b, conv.location(), pooled.result(0), conv.operand(1), conv.numOperands() > 2 ? conv.operand(2) : null,
        conv.strides(), conv.pads(), conv.dilations(), conv.group());
    pool.result(0).replaceAllUsesWith(moved.result(0));
    pool.erase();
    conv.erase();
  }

  private static boolean ones(long[] values) {
    for (long v : values) if (v != 1) return false;
    return true;
  }

  private static boolean zeros(long[] values) {
    for (long v : values) if (v != 0) return false;
    return true;
  }
}
