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

  /** The output shape. */
  public long[] sizes() { return intsAttr("sizes"); }

  /** The scale of every dimension (output over input length) that the coordinate transformations use. */
  public double[] scales() { return doubles("scales"); }

  /** The region of interest of tf_crop_and_resize (starts, then ends, as fractions); null when absent. */
  public double[] roi() { return doubles("roi"); }

  /** "nearest" (the default), "linear" or "cubic". */
  public String mode() { return stringAttr("mode", "nearest"); }

  /** How output coordinates map to input coordinates; "half_pixel" when absent. */
  public String coordinateTransformationMode() { return stringAttr("coordinate_transformation_mode", "half_pixel"); }

  /** How nearest mode rounds; "round_prefer_floor" when absent. */
  public String nearestMode() { return stringAttr("nearest_mode", "round_prefer_floor"); }

  /** The coefficient a of cubic interpolation, -0.75 when absent. */
  public double cubicCoeffA() { return floatAttr("cubic_coeff_a", -0.75); }

  /** Whether cubic weights outside the input are dropped (and the rest renormalized); false when absent. */
  public boolean excludeOutside() { return longAttr("exclude_outside", 0) != 0; }

  /** The value of tf_crop_and_resize outside the input, 0 when absent. */
  public double extrapolationValue() { return floatAttr("extrapolation_value", 0); }

  @Override public List<Type> inferResultTypes() {
    long[] sizes = sizes();
    if (sizes.length != operandType(0).rank()) throw new ShapeError("sizes needs one entry per dimension");
    return List.of(like(0, sizes));
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    return List.of(Resize.resize(in.get(0), sizes(), scales(), roi(), mode(), coordinateTransformationMode(), nearestMode(), cubicCoeffA(),
        excludeOutside(), extrapolationValue()));
  }

  private double[] doubles(String name) {
    return attribute(name) instanceof DenseArrayAttr d && d.floats() != null ? d.floats().clone() : null;
  }
}
