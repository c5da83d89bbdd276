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

  private int spatialDims() { return operandType(0).rank() - 2; }

  /** One stride per spatial dimension, 1 when absent. */
  public long[] strides() { return Spatial.perDim(intsAttr("strides"), spatialDims(), 1); }

  /** The padding at the beginning of every spatial dimension, then at the end; 0 when absent. */
  public long[] pads() { return Spatial.pads(intsAttr("pads"), spatialDims()); }

  /** One dilation per spatial dimension, 1 when absent. */
  public long[] dilations() { return Spatial.perDim(intsAttr("dilations"), spatialDims(), 1); }

  /** The number of channel groups, 1 when absent. */
  public long group() { return longAttr("group", 1); }

  /** Extra output positions at the end of every spatial dimension, 0 when absent. */
  public long[] outputPadding() { return Spatial.perDim(intsAttr("output_padding"), spatialDims(), 0); }

  @Override public List<Type> inferResultTypes() {
    long[] x = operandType(0).shape();
    long[] w = operandType(1).shape();
    int dims = x.length - 2;
    long group = group();
    if (group < 1) throw new ShapeError("group must be at least 1, got " + group);
    if (dims < 1 || w.length != x.length || x[1] != w[0] || x[1] % group != 0) throw new ShapeError("input channels do not match the weight");
    sameElementTypes(0, numOperands());
    Spatial.kernelAtLeastOne(w);
    Spatial.spatialNotEmpty(x);
    if (numOperands() == 3 && (operandType(2).rank() != 1 || operandType(2).shape()[0] != w[1] * group)) {
      throw new ShapeError("bias must have " + w[1] * group + " elements");
    }
    long[] s = strides();
    long[] d = dilations();
    long[] p = pads();
    long[] op = outputPadding();
    Spatial.checkWindow(s, p, d);
    Spatial.atLeast("output_padding", op, 0);
    long[] out = new long[x.length];
    out[0] = x[0];
    out[1] = w[1] * group;
    for (int i = 0; i < dims; i++) {
      long span = Math.addExact(Math.multiplyExact(x[i + 2] - 1, s[i]), Math.multiplyExact(w[i + 2] - 1, d[i]));
      out[i + 2] = Math.addExact(Math.subtractExact(Math.subtractExact(Math.addExact(span, 1), p[i]), p[i + dims]), op[i]);
    }
    return List.of(like(0, out));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    return List.of(Spatial.convTranspose(in.get(0), in.get(1), in.size() > 2 ? in.get(2) : null, strides(), pads(), dilations(), group(),
        ((RankedTensorType) result(0).type()).shape()));
  }
}
