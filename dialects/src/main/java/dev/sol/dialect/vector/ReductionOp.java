package dev.sol.dialect.vector;

import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Reduces a 1-D vector to a scalar with a {@link CombiningKind} (#vector.kind<add>, ...),
 * starting from the optional accumulator.
 *
 * <pre>{@code %s = "vector.reduction"(%v) {kind = #vector.kind<add>} : (vector<4xf32>) -> f32}</pre>
 */
public final class ReductionOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.reduction", ReductionOp.class, ReductionOp::new)
      .attribute("kind", DIALECT_ATTR).operand("vector", VECTOR).optionalOperand("acc", ANY).result("dest", ANY);

  private ReductionOp(OperationState state) {
    super(state, SPEC);
  }

  public CombiningKind kind() { return CombiningKind.of(attribute("kind")); }
  public Value vector() { return operand(0); }
  /** The accumulator, or null. */
  public Value acc() { return numOperands() > 1 ? operand(1) : null; }

  /** Reduces {@code vector} to its element type. */
  public static ReductionOp create(Builder b, Location loc, CombiningKind kind, Value vector) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(vector)
        .results(((VectorType) vector.type()).element()).attribute("kind", kind.attribute()));
  }

  /** Reduces {@code vector} into {@code acc}. */
  public static ReductionOp create(Builder b, Location loc, CombiningKind kind, Value vector, Value acc) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(vector, acc)
        .results(acc.type()).attribute("kind", kind.attribute()));
  }

  @Override public boolean verify(Diagnostics diag) {
    VectorType vt = (VectorType) operand(0).type();
    if (vt.rank() > 1) return diag.report(opError("unsupported reduction rank: " + vt.rank()));
    if (!result().type().equals(vt.element())) {
      return diag.report(opError("failed to verify that source operand and result have same element type"));
    }
    if (numOperands() == 2 && !operand(1).type().equals(result().type())) {
      return diag.report(opError("accumulator and result must be of the same type"));
    }
    String k = CombiningKind.spellingOf(attribute("kind"));
    if (k == null) return diag.report(opError("expected a #vector.kind attribute, got " + attribute("kind")));
    CombiningKind kind = CombiningKind.parse(k);
    if (kind == null) return diag.report(opError("unknown reduction kind '" + k + "'"));
    if (vt.element() instanceof FloatType ? !kind.acceptsFloats() : !kind.acceptsInts()) {
      return diag.report(opError("unsupported reduction type '" + vt.element() + "' for kind '" + k + "'"));
    }
    return true;
  }
}
