package dev.sol.dialect.math;

import dev.sol.dialect.ConstantFolding;
import dev.sol.dialect.FloatElementwise;
import dev.sol.ir.Attribute;
import dev.sol.ir.FloatAttr;
import dev.sol.ir.FloatType;
import dev.sol.ir.Type;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Constant folding of math functions for scalar f32 and f64 only (as MLIR), never folding to
 * NaN from non-NaN operands (MLIR leaves log(-1) and the like alone). The function itself is
 * the op's {@link FloatElementwise#apply}.
 */
final class MathFolding {
  private MathFolding() {}

  static List<Object> fold(FloatElementwise op, List<Attribute> c, Type type) {
    return fold(op, c, type, x -> true);
  }

  /** Folds only where {@code domain} holds for the first operand (MLIR's fold declines elsewhere). */
  static List<Object> fold(FloatElementwise op, List<Attribute> c, Type type, DoublePredicate domain) {
    if (!(type instanceof FloatType ft) || (ft.width() != 32 && ft.width() != 64)) return null;
    double[] x = new double[c.size()];
    boolean nanOperand = false;
    for (int k = 0; k < x.length; k++) {
      if (!(c.get(k) instanceof FloatAttr f)) return null;
      x[k] = f.value();
      nanOperand |= Double.isNaN(x[k]);
    }
    double r = domain.test(x[0]) ? op.apply(x) : Double.NaN;
    if (Double.isNaN(r) && !nanOperand) return null;
    return ConstantFolding.one(new FloatAttr(ft, r));
  }
}
