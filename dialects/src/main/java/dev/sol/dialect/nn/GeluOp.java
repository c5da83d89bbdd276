package dev.sol.dialect.nn;

import static dev.sol.dialect.Constraints.*;

import dev.sol.ir.*;
import java.util.function.DoubleUnaryOperator;

/**
 * Gaussian error linear unit; attribute approximate = "none" (erf) or "tanh".
 *
 * <pre>{@code %1 = "nn.gelu"(%0) : (tensor<4xf32>) -> tensor<4xf32>}</pre>
 */
public final class GeluOp extends UnaryElementwiseOp {
  public static final OpSpec SPEC = OpSpec.named("nn.gelu", GeluOp.class, GeluOp::new)
      .operand("input", ANY).result("output", ANY);

  private GeluOp(OperationState state) {
    super(state, SPEC);
  }

  /** How the Gaussian CDF is computed: exactly with erf, or with ONNX's tanh formula. */
  public enum Approximation { NONE, TANH }

  /** Attribute approximate: "tanh" selects the tanh formula, anything else (default "none") erf. */
  public Approximation approximate() {
    return stringAttr("approximate", "none").equals("tanh") ? Approximation.TANH : Approximation.NONE;
  }

  @Override protected DoubleUnaryOperator function() {
    if (approximate() == Approximation.TANH) return x -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
    return x -> 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)));
  }
}
