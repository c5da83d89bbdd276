package dev.sol.dialect.builtin;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A placeholder cast between type systems during partial conversions.
 *
 * <pre>{@code %1 = "builtin.unrealized_conversion_cast"(%0) : (i64) -> index}</pre>
 */
public final class UnrealizedConversionCastOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("builtin.unrealized_conversion_cast", UnrealizedConversionCastOp.class, UnrealizedConversionCastOp::new)
      .variadicOperand("inputs", ANY).variadicResult("outputs", ANY);

  private UnrealizedConversionCastOp(OperationState state) {
    super(state, SPEC);
  }

  public java.util.List<Value> inputs() { return operands(); }

  /** Casts {@code inputs} to values of {@code outputTypes}, to be resolved by a later conversion. */
  public static UnrealizedConversionCastOp create(Builder b, Location loc, java.util.List<Type> outputTypes, java.util.List<Value> inputs) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(inputs).results(outputTypes));
  }

  @Override public boolean verify(Diagnostics diag) {
    if (numResults() == 0) return diag.report(opError("expected at least one result for cast operation"));
    return true;
  }
}
