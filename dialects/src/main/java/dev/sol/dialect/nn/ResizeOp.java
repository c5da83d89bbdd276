package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import java.util.List;

/**
 * Resizes by interpolation (mode nearest, linear or cubic) to the shape in sizes, mapping coordinates as ONNX Resize does (attributes scales, roi, coordinate_transformation_mode, nearest_mode, cubic_coeff_a, exclude_outside, antialias, extrapolation_value).
 *
 * <pre>{@code %1 = "nn.resize"(%x) {mode = "nearest", sizes = array<i64: 1, 1, 4, 4>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>} : (tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>}</pre>
 */
public final class ResizeOp extends NnOp implements Pure {
  public static final OpSpec SPEC = OpSpec.named("nn.resize", ResizeOp.class, ResizeOp::new)
      .operand("input", ANY).attribute("sizes", DENSE_I64_ARRAY).attribute("scales", ANY_ATTR).optionalAttribute("roi", ANY_ATTR).optionalAttribute("mode", STRING)
      .optionalAttribute("coordinate_transformation_mode", STRING).optionalAttribute("nearest_mode", STRING).optionalAttribute("cubic_coeff_a", ANY_ATTR)
      .optionalAttribute("exclude_outside", I64).optionalAttribute("antialias", I64).optionalAttribute("extrapolation_value", ANY_ATTR).result("output", ANY);

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

  /** Whether linear and cubic modes stretch their filter by 1 / scale when downsampling; false when absent. */
  public boolean antialias() { return longAttr("antialias", 0) != 0; }

  /** The interpolation every axis uses. */
  public Resize.Filter filter() {
    return new Resize.Filter(mode(), coordinateTransformationMode(), nearestMode(), cubicCoeffA(), excludeOutside(), antialias(), extrapolationValue());
  }

  /** The value of tf_crop_and_resize outside the input, 0 when absent. */
  public double extrapolationValue() { return floatAttr("extrapolation_value", 0); }

  @Override public List<Type> inferResultTypes() {
    long[] sizes = sizes();
    int rank = operandType(0).rank();
    if (sizes.length != rank) throw new ShapeError("sizes needs one entry per dimension");
    double[] scales = scales();
    if (scales == null || scales.length != rank) throw new ShapeError("scales must be an array<f64> with one entry per dimension");
    for (double s : scales) {
      if (!(s > 0) || Double.isInfinite(s)) throw new ShapeError("scales must be positive and finite, got " + java.util.Arrays.toString(scales));
    }
    if (attribute("roi") != null && (roi() == null || roi().length != 2 * rank)) {
      throw new ShapeError("roi must be an array<f64> of " + 2 * rank + " entries (starts, then ends)");
    }
    oneOf("mode", mode(), MODES);
    oneOf("coordinate_transformation_mode", coordinateTransformationMode(), TRANSFORMS);
    oneOf("nearest_mode", nearestMode(), NEAREST_MODES);
    for (int d = 0; d < rank; d++) {
      if (operandType(0).shape()[d] == 0 && sizes[d] > 0) throw new ShapeError("cannot resize the empty dimension " + d + " to " + sizes[d]);
    }
    return List.of(like(0, sizes));
  }

  private static final List<String> MODES = List.of("nearest", "linear", "cubic");
  private static final List<String> TRANSFORMS = List.of("half_pixel", "half_pixel_symmetric", "pytorch_half_pixel", "align_corners",
      "asymmetric", "tf_crop_and_resize");
  private static final List<String> NEAREST_MODES = List.of("round_prefer_floor", "round_prefer_ceil", "floor", "ceil");

  private static void oneOf(String attribute, String value, List<String> allowed) {
    if (!allowed.contains(value)) throw new ShapeError(attribute + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
  }

  @Override public List<Tensor> evaluate(List<Tensor> in) {
    return List.of(Resize.resize(in.get(0), sizes(), scales(), roi(), filter()));
  }

  private double[] doubles(String name) {
    return attribute(name) instanceof DenseArrayAttr d && d.floats() != null ? d.floats().clone() : null;
  }
}
