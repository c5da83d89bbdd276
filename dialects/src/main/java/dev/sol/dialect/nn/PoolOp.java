package dev.sol.dialect.nn;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/** Max or average pooling over windows of kernel_shape, with explicit pads, strides, dilations and ceil_mode. */
public abstract class PoolOp extends NnOp implements Pure {
  protected PoolOp(OperationState state, OpSpec spec) {
    super(state, spec);
  }

  /** True for max pooling, false for averages. */
  protected abstract boolean isMax();

  @Override public final List<Type> inferResultTypes() {
    long[] x = operandType(0).shape();
    int dims = x.length - 2;
    long[] k = intsAttr("kernel_shape");
    if (dims < 1 || k.length != dims) throw new ShapeError("kernel_shape must have one entry per spatial dimension");
    long[] s = Spatial.perDim(intsAttr("strides"), dims, 1);
    long[] d = Spatial.perDim(intsAttr("dilations"), dims, 1);
    long[] p = Spatial.pads(intsAttr("pads"), dims);
    long[] out = x.clone();
    for (int i = 0; i < dims; i++) out[i + 2] = Spatial.outSize(x[i + 2], k[i], s[i], d[i], p[i], p[i + dims], longAttr("ceil_mode", 0) != 0);
    return List.of(like(0, out));
  }

  @Override public final List<Tensor> evaluate(List<Tensor> in) {
    int dims = in.get(0).rank() - 2;
    return List.of(Spatial.pool(in.get(0), intsAttr("kernel_shape"), Spatial.perDim(intsAttr("strides"), dims, 1), Spatial.pads(intsAttr("pads"), dims),
        Spatial.perDim(intsAttr("dilations"), dims, 1), isMax(), longAttr("count_include_pad", 0) != 0,
        ((RankedTensorType) result(0).type()).shape()));
  }
}
