package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * N-d transposed convolution (weights I(O/group)(kernel)); output (in-1)*stride + dilated kernel - pads + output_padding.
 *
 * <pre>{@code %2 = "nn.conv_transpose"(%x, %w) : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x5x5xf32>}</pre>
 */
public final class ConvTransposeOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.conv_transpose", ConvTransposeOp.class, ConvTransposeOp::new)
      .operand("input", ANY).operand("weight", ANY).optionalOperand("bias", ANY).optionalAttribute("strides", DENSE_I64_ARRAY).optionalAttribute("pads", DENSE_I64_ARRAY).optionalAttribute("dilations", DENSE_I64_ARRAY).optionalAttribute("group", I64).optionalAttribute("output_padding", DENSE_I64_ARRAY).result("output", ANY);

  private ConvTransposeOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    long[] x = operandType(0).shape();
    long[] w = operandType(1).shape();
    int dims = x.length - 2;
    long group = longAttr("group", 1);
    if (dims < 1 || w.length != x.length || x[1] != w[0] || x[1] % group != 0) throw new ShapeError("input channels do not match the weight");
    long[] s = Spatial.perDim(intsAttr("strides"), dims, 1);
    long[] d = Spatial.perDim(intsAttr("dilations"), dims, 1);
    long[] p = Spatial.pads(intsAttr("pads"), dims);
    long[] op = Spatial.perDim(intsAttr("output_padding"), dims, 0);
    long[] out = new long[x.length];
    out[0] = x[0];
    out[1] = w[1] * group;
    for (int i = 0; i < dims; i++) out[i + 2] = (x[i + 2] - 1) * s[i] + (w[i + 2] - 1) * d[i] + 1 - p[i] - p[i + dims] + op[i];
    return List.of(like(0, out));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    int dims = in.get(0).rank() - 2;
    return List.of(Spatial.convTranspose(in.get(0), in.get(1), in.size() > 2 ? in.get(2) : null, Spatial.perDim(intsAttr("strides"), dims, 1),
        Spatial.pads(intsAttr("pads"), dims), Spatial.perDim(intsAttr("dilations"), dims, 1), longAttr("group", 1),
        ((RankedTensorType) result(0).type()).shape()));
  }
}
