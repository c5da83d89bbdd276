package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Max pooling over windows of kernel_shape; explicit pads, ceil_mode.
 *
 * <pre>{@code %1 = "nn.max_pool"(%x) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>}</pre>
 */
public final class MaxPoolOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.max_pool", MaxPoolOp.class, MaxPoolOp::new)
      .operand("input", ANY).attribute("kernel_shape", DENSE_I64_ARRAY).optionalAttribute("strides", DENSE_I64_ARRAY).optionalAttribute("pads", DENSE_I64_ARRAY).optionalAttribute("dilations", DENSE_I64_ARRAY).optionalAttribute("ceil_mode", I64).optionalAttribute("count_include_pad", I64).result("output", ANY);

  private MaxPoolOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
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

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    int dims = in.get(0).rank() - 2;
    return List.of(Spatial.pool(in.get(0), intsAttr("kernel_shape"), Spatial.perDim(intsAttr("strides"), dims, 1), Spatial.pads(intsAttr("pads"), dims),
        Spatial.perDim(intsAttr("dilations"), dims, 1), true, longAttr("count_include_pad", 0) != 0,
        ((RankedTensorType) result(0).type()).shape()));
  }
}
