package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Resizes by interpolation (mode nearest, linear or cubic) to the shape in sizes, mapping coordinates as ONNX Resize does (attributes scales, roi, coordinate_transformation_mode, nearest_mode, cubic_coeff_a, exclude_outside, extrapolation_value).
 *
 * <pre>{@code %1 = "nn.resize"(%x) {mode = "nearest", sizes = array<i64: 1, 1, 4, 4>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>} : (tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>}</pre>
 */
public final class ResizeOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.resize", ResizeOp.class, ResizeOp::new)
      .operand("input", ANY).attribute("sizes", DENSE_I64_ARRAY).attribute("scales", ANY_ATTR).optionalAttribute("roi", ANY_ATTR).optionalAttribute("mode", STRING)
      .optionalAttribute("coordinate_transformation_mode", STRING).optionalAttribute("nearest_mode", STRING).optionalAttribute("cubic_coeff_a", ANY_ATTR)
      .optionalAttribute("exclude_outside", I64).optionalAttribute("extrapolation_value", ANY_ATTR).result("output", ANY);

  private ResizeOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public List<Type> inferResultTypes() {
    long[] sizes = intsAttr("sizes");
    if (sizes.length != operandType(0).rank()) throw new ShapeError("sizes needs one entry per dimension");
    return List.of(like(0, sizes));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    return List.of(Resize.resize(in.get(0), intsAttr("sizes"), doubles("scales"), doubles("roi"), stringAttr("mode", "nearest"),
        stringAttr("coordinate_transformation_mode", "half_pixel"), stringAttr("nearest_mode", "round_prefer_floor"),
        floatAttr("cubic_coeff_a", -0.75), longAttr("exclude_outside", 0) != 0, floatAttr("extrapolation_value", 0)));
  }

  double[] doubles(String name) {
    return attribute(name) instanceof DenseArrayAttr d && d.floats() != null ? d.floats().clone() : null;
  }
}
