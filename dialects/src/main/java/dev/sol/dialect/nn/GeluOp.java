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

  /** Attribute approximate: "none" (the default) for erf or "tanh"; the verifier rejects others. */
  public Approximation approximate() {
    String a = stringAttr("approximate", "none");
    for (Approximation m : Approximation.values()) if (m.name().toLowerCase(java.util.Locale.ROOT).equals(a)) return m;
    throw new ShapeError("approximate must be none or tanh, got '" + a + "'");
  }

  @Override protected DoubleUnaryOperator function() {
    if (approximate() == Approximation.TANH) return x -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
    return x -> 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)));
  }
}
