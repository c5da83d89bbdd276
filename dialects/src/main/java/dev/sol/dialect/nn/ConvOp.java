package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * N-d convolution of NC(spatial) input with OI(kernel) weights, optional bias; explicit pads (begin..., end...), groups.
 *
 * <pre>{@code %2 = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>}</pre>
 */
public final class ConvOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.conv", ConvOp.class, ConvOp::new)
      .operand("input", ANY).operand("weight", ANY).optionalOperand("bias", ANY).optionalAttribute("strides", DENSE_I64_ARRAY).optionalAttribute("pads", DENSE_I64_ARRAY).optionalAttribute("dilations", DENSE_I64_ARRAY).optionalAttribute("group", I64).result("output", ANY);

  private ConvOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    long[] x = operandType(0).shape();
    long[] w = operandType(1).shape();
    int dims = x.length - 2;
    if (dims < 1 || w.length != x.length) throw new ShapeError("expects input and weight of the same rank >= 3");
    long group = longAttr("group", 1);
    if (group < 1 || x[1] % group != 0 || w[0] % group != 0 || x[1] / group != w[1]) {
      throw new ShapeError("input channels " + x[1] + " do not match weight channels " + w[1] + " x group " + group);
    }
    if (numOperands() == 3 && (operandType(2).rank() != 1 || operandType(2).shape()[0] != w[0])) throw new ShapeError("bias must have " + w[0] + " elements");
    long[] s = Spatial.perDim(intsAttr("strides"), dims, 1);
    long[] d = Spatial.perDim(intsAttr("dilations"), dims, 1);
    long[] p = Spatial.pads(intsAttr("pads"), dims);
    long[] out = new long[x.length];
    out[0] = x[0];
    out[1] = w[0];
    for (int i = 0; i < dims; i++) out[i + 2] = Spatial.outSize(x[i + 2], w[i + 2], s[i], d[i], p[i], p[i + dims], false);
    return List.of(like(0, out));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    int dims = in.get(0).rank() - 2;
    return List.of(Spatial.conv(in.get(0), in.get(1), in.size() > 2 ? in.get(2) : null, Spatial.perDim(intsAttr("strides"), dims, 1),
        Spatial.pads(intsAttr("pads"), dims), Spatial.perDim(intsAttr("dilations"), dims, 1), longAttr("group", 1),
        ((RankedTensorType) result(0).type()).shape()));
  }
}
