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

  /** A convolution of {@code input} with {@code weight}, plus {@code bias} unless it is null. */
  public static ConvOp create(Builder b, Location loc, Value input, Value weight, Value bias, long[] strides, long[] pads,
      long[] dilations, long group) {
    RankedTensorType x = (RankedTensorType) input.type();
    long[] out = outputShape(x.shape(), ((RankedTensorType) weight.type()).shape(), strides, pads, dilations);
    OperationState s = new OperationState(SPEC.name(), loc).operands(bias == null ? List.of(input, weight) : List.of(input, weight, bias))
        .attribute("strides", DenseArrayAttr.i64(strides)).attribute("pads", DenseArrayAttr.i64(pads))
        .attribute("dilations", DenseArrayAttr.i64(dilations)).attribute("group", IntegerAttr.i64(group))
        .results(new RankedTensorType(out, x.element()));
    return b.create(SPEC, s);
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

  @Override public List<Type> inferResultTypes() {
    long[] x = operandType(0).shape();
    long[] w = operandType(1).shape();
    if (x.length < 3 || w.length != x.length) throw new ShapeError("expects input and weight of the same rank >= 3");
    long group = group();
    if (group < 1 || x[1] % group != 0 || w[0] % group != 0 || x[1] / group != w[1]) {
      throw new ShapeError("input channels " + x[1] + " do not match weight channels " + w[1] + " x group " + group);
    }
    sameElementTypes(0, numOperands());
    Spatial.kernelAtLeastOne(w);
    Spatial.spatialNotEmpty(x);
    if (numOperands() == 3 && (operandType(2).rank() != 1 || operandType(2).shape()[0] != w[0])) throw new ShapeError("bias must have " + w[0] + " elements");
    Spatial.checkWindow(strides(), pads(), dilations());
    return List.of(like(0, outputShape(x, w, strides(), pads(), dilations())));
  }

  private static long[] outputShape(long[] x, long[] w, long[] s, long[] p, long[] d) {
    int dims = x.length - 2;
    long[] out = new long[x.length];
    out[0] = x[0];
    out[1] = w[0];
    for (int i = 0; i < dims; i++) out[i + 2] = Spatial.outSize(x[i + 2], w[i + 2], s[i], d[i], p[i], p[i + dims], false);
    return out;
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    return List.of(Spatial.conv(in.get(0), in.get(1), in.size() > 2 ? in.get(2) : null, strides(), pads(), dilations(), group(),
        ((RankedTensorType) result(0).type()).shape()));
  }
}
