package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Reduces a 1-D vector to a scalar with a combining kind (#vector.kind<add>, ...).
 *
 * <pre>{@code %s = "vector.reduction"(%v) {kind = #vector.kind<add>} : (vector<4xf32>) -> f32}</pre>
 */
public final class ReductionOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.reduction", ReductionOp.class, ReductionOp::new)
      .attribute("kind", DIALECT_ATTR).operand("vector", VECTOR).optionalOperand("acc", ANY).result("dest", ANY);

  private ReductionOp(OperationState state) {
    super(state, SPEC);
  }

  public Value vector() { return operand(0); }
  /** The initial accumulator, or null. */
  public Value acc() { return numOperands() > 1 ? operand(1) : null; }
  public CombiningKind kind() { return CombiningKind.of(attribute("kind")); }

  @Override public boolean verify(Diagnostics diag) {
    VectorType vt = (VectorType) operand(0).type();
    if (vt.rank() > 1) return diag.report(opError("unsupported reduction rank: " + vt.rank()));
    if (!result().type().equals(vt.element())) {
      return diag.report(opError("failed to verify that source operand and result have same element type"));
    }
    if (numOperands() == 2 && !operand(1).type().equals(result().type())) {
      return diag.report(opError("accumulator and result must be of the same type"));
    }
    String kind = attribute("kind").toString();
    java.util.List<String> kinds = java.util.List.of("add", "mul", "minui", "minsi", "minf", "maxui", "maxsi", "maxf", "and", "or", "xor");
    if (attribute("kind") instanceof OpaqueAttr o && o.name().equals("vector.kind")) {
      String k = o.params().replaceAll("[<> ]", "");
      if (!kinds.contains(k)) return diag.report(opError("unknown reduction kind '" + k + "'"));
      boolean isFloat = vt.element() instanceof FloatType;
      boolean floatKind = k.equals("add") || k.equals("mul") || k.equals("minf") || k.equals("maxf");
      boolean intKind = !k.equals("minf") && !k.equals("maxf");
      if (isFloat ? !floatKind : !intKind) return diag.report(opError("unsupported reduction type '" + vt.element() + "' for kind '" + k + "'"));
    } else {
      return diag.report(opError("expected a #vector.kind attribute, got " + kind));
    }
    return true;
  }
}
