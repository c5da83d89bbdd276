package dev.sol.dialect.math;

import dev.sol.dialect.ConstantFolding;
import dev.sol.ir.Attribute;
import dev.sol.ir.FloatAttr;
import dev.sol.ir.FloatType;
import dev.sol.ir.Type;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Constant folding of math functions for f32 and f64 only (as MLIR), never folding to NaN
 * from a non-NaN input (MLIR leaves log(-1) and the like alone).
 */
final class MathFolding {
  private MathFolding() {}

  static List<Object> unary(Attribute a, Type type, DoubleUnaryOperator f) {
    return binary(a, a, type, (x, y) -> f.applyAsDouble(x));
  }

  static List<Object> binary(Attribute a, Attribute b, Type type, DoubleBinaryOperator f) {
    if (!(type instanceof FloatType ft) || (ft.width() != 32 && ft.width() != 64)) return null;
    if (!(a instanceof FloatAttr x) || !(b instanceof FloatAttr y)) return null;
    double r = f.applyAsDouble(x.value(), y.value());
    if (Double.isNaN(r) && !Double.isNaN(x.value()) && !Double.isNaN(y.value())) return null;
    return ConstantFolding.one(ConstantFolding.binaryFloat(a, b, type, f));
  }
}
