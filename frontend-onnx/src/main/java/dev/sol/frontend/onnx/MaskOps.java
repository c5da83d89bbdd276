package dev.sol.frontend.onnx;

import static dev.sol.frontend.onnx.NodeImporter.attrs;
import static dev.sol.frontend.onnx.NodeImporter.shapeOf;

import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import java.util.List;

/**
 * ONNX operators that import as comparisons and a choice (nn.compare, nn.where): IsNaN (x
 * differs from itself), IsInf, ThresholdedRelu, Shrink, and Trilu (a constant mask of the
 * kept triangle). nn-fuse leaves them as one loop nest each.
 */
final class MaskOps {
  private MaskOps() {}

  static void register() {
    OnnxOps.CONVERTERS.put("IsNaN", n -> {
      Value x = floatInput(n);
      return List.of(n.unary("nn.not", compare(n, "eq", x, x)));
    });
    OnnxOps.CONVERTERS.put("IsInf", MaskOps::isInf);
    OnnxOps.CONVERTERS.put("ThresholdedRelu", n -> {
      Value x = floatInput(n);
      return List.of(where(n, compare(n, "gt", x, scalar(n, n.floatAttr("alpha", 1))), x, scalar(n, 0)));
    });
    OnnxOps.CONVERTERS.put("Shrink", n -> {
      Value x = floatInput(n);
      double lambd = n.floatAttr("lambd", 0.5);
      double bias = n.floatAttr("bias", 0);
      Value above = where(n, compare(n, "gt", x, scalar(n, lambd)), n.sub(x, scalar(n, bias)), scalar(n, 0));
      return List.of(where(n, compare(n, "lt", x, scalar(n, -lambd)), n.add(x, scalar(n, bias)), above));
    });
    OnnxOps.CONVERTERS.put("Trilu", MaskOps::trilu);
  }

  /** IsInf: x == +inf where detect_positive (default 1), x == -inf where detect_negative (default 1). */
  private static List<Value> isInf(NodeImporter n) throws ImportException {
    Value x = floatInput(n);
    boolean positive = n.intAttr("detect_positive", 1) != 0;
    boolean negative = n.intAttr("detect_negative", 1) != 0;
    Value pos = positive ? compare(n, "eq", x, scalar(n, Double.POSITIVE_INFINITY)) : null;
    Value neg = negative ? compare(n, "eq", x, scalar(n, Double.NEGATIVE_INFINITY)) : null;
    if (pos != null && neg != null) return List.of(n.binary("nn.or", pos, neg));
    if (pos != null || neg != null) return List.of(pos != null ? pos : neg);
    return List.of(n.constantValue(Tensor.zeros(IntegerType.I1, shapeOf(x))));
  }

  /**
   * Trilu: the elements of the last two dimensions' upper triangle (j - i >= k; upper = 1, the
   * default) or lower one (j - i <= k), the others zero: nn.where with a constant mask of the
   * matrix's shape, broadcast over the leading dimensions. k (input #1) must be a constant.
   */
  private static List<Value> trilu(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    long[] s = shapeOf(x);
    if (s.length < 2) throw n.error("expects a tensor of rank 2 or more, got rank " + s.length);
    Tensor kt = n.numInputs() > 1 ? n.constantInput(1, "k") : null;
    long k = kt == null ? 0 : kt.getLong(0);
    boolean upper = n.intAttr("upper", 1) != 0;
    long rows = s[s.length - 2];
    long cols = s[s.length - 1];
    Tensor mask = Tensor.zeros(IntegerType.I1, new long[] {rows, cols});
    for (long i = 0; i < rows; i++) {
      for (long j = 0; j < cols; j++) {
        boolean kept = upper ? j - i >= k : j - i <= k;
        mask.setLong(Math.toIntExact(i * cols + j), kept ? 1 : 0);
      }
    }
    return List.of(where(n, n.constantValue(mask), x, n.constantValue(Tensor.zeros(((ShapedType) x.type()).element(), new long[0]))));
  }

  private static Value compare(NodeImporter n, String predicate, Value a, Value b) throws ImportException {
    return n.emit("nn.compare", List.of(a, b), attrs("predicate", new StringAttr(predicate)));
  }

  private static Value where(NodeImporter n, Value c, Value x, Value y) throws ImportException {
    return n.emit("nn.where", List.of(c, x, y), DictionaryAttr.EMPTY);
  }

  private static Value scalar(NodeImporter n, double v) throws ImportException { return n.scalar(v, ((ShapedType) n.required(0).type()).element()); }

  private static Value floatInput(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    if (!(((ShapedType) x.type()).element() instanceof FloatType)) throw n.error("expects a floating-point input, got " + x.type());
    return x;
  }
}
