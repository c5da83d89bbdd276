package dev.sol.frontend.onnx;

import static dev.sol.frontend.onnx.CompositeOps.floatInput;
import static dev.sol.frontend.onnx.CompositeOps.scalar;

import dev.sol.ir.*;
import java.util.List;

/**
 * Tan and the hyperbolic functions and their inverses, as compositions of nn's sin, cos, exp,
 * log and sqrt: tan = sin / cos, sinh and cosh from exp(x) and exp(-x), asinh x = sign(x)
 * log(|x| + sqrt(x^2 + 1)) (on |x|, so that large negative x does not cancel), acosh x = log(x +
 * sqrt(x^2 - 1)) and atanh x = log((1 + x) / (1 - x)) / 2. Asin, Acos and Atan, which need an
 * arctangent, remain unsupported.
 */
final class HyperbolicOps {
  private HyperbolicOps() {}

  static void register() {
    OnnxOps.CONVERTERS.put("Tan", n -> {
      Value x = floatInput(n);
      return List.of(div(n, n.unary("nn.sin", x), n.unary("nn.cos", x)));
    });
    OnnxOps.CONVERTERS.put("Sinh", n -> List.of(n.mul(n.sub(exp(n, floatInput(n)), exp(n, negate(n))), scalar(n, 0.5))));
    OnnxOps.CONVERTERS.put("Cosh", n -> List.of(n.mul(n.add(exp(n, floatInput(n)), exp(n, negate(n))), scalar(n, 0.5))));
    OnnxOps.CONVERTERS.put("Asinh", n -> {
      Value x = floatInput(n);
      Value a = n.unary("nn.abs", x);
      Value root = n.unary("nn.sqrt", n.add(n.mul(x, x), scalar(n, 1)));
      return List.of(n.mul(n.unary("nn.sign", x), n.unary("nn.log", n.add(a, root))));
    });
    OnnxOps.CONVERTERS.put("Acosh", n -> {
      Value x = floatInput(n);
      return List.of(n.unary("nn.log", n.add(x, n.unary("nn.sqrt", n.sub(n.mul(x, x), scalar(n, 1))))));
    });
    OnnxOps.CONVERTERS.put("Atanh", n -> {
      Value x = floatInput(n);
      Value ratio = div(n, n.add(scalar(n, 1), x), n.sub(scalar(n, 1), x));
      return List.of(n.mul(n.unary("nn.log", ratio), scalar(n, 0.5)));
    });
  }

  private static Value exp(NodeImporter n, Value x) throws ImportException { return n.unary("nn.exp", x); }

  private static Value negate(NodeImporter n) throws ImportException { return n.unary("nn.neg", floatInput(n)); }

  private static Value div(NodeImporter n, Value a, Value b) throws ImportException {
    return n.emit("nn.div", List.of(a, b), DictionaryAttr.EMPTY);
  }
}
