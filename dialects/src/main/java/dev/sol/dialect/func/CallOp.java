package dev.sol.dialect.func;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Calls a function by symbol.
 *
 * <pre>{@code %1 = "func.call"(%0) {callee = @f} : (f32) -> f32}</pre>
 */
public final class CallOp extends Operation {
  public static final OpSpec SPEC = OpSpec.named("func.call", CallOp.class, CallOp::new)
      .attribute("callee", FLAT_SYMBOL_REF).variadicOperand("operands", ANY).variadicResult("results", ANY);

  private CallOp(OperationState state) {
    super(state, SPEC);
  }

  public SymbolRefAttr callee() { return (SymbolRefAttr) attribute("callee"); }
  public String calleeName() { return callee().root(); }
  public java.util.List<Value> args() { return operands(); }

  /** Calls the function {@code callee} with results of the types it returns. */
  public static CallOp create(Builder b, Location loc, String callee, java.util.List<Type> resultTypes, java.util.List<Value> args) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(args).results(resultTypes)
        .attribute("callee", new SymbolRefAttr(callee, java.util.List.of())));
  }

  public static CallOp create(Builder b, Location loc, FuncOp callee, java.util.List<Value> args) {
    return create(b, loc, callee.symName(), callee.functionType().results(), args);
  }

  @Override public boolean verify(Diagnostics diag) {
    SymbolRefAttr callee = callee();
    // A callee without a function type fails its own verification; the call cannot be checked against it.
    if (!(Symbols.lookup(this, callee) instanceof FuncOp fn) || !(fn.attribute("function_type") instanceof TypeAttr t && t.type() instanceof FunctionType)) {
      return diag.report(opError("'" + callee.root() + "' does not reference a valid function"));
    }
    FunctionType type = fn.functionType();
    if (type.inputs().size() != numOperands()) return diag.report(opError("incorrect number of operands for callee"));
    for (int i = 0; i < numOperands(); i++) {
      if (!operand(i).type().equals(type.inputs().get(i))) {
        return diag.report(opError("operand type mismatch: expected operand type '" + type.inputs().get(i)
            + "', but provided '" + operand(i).type() + "' for operand number " + i));
      }
    }
    if (type.results().size() != numResults()) return diag.report(opError("incorrect number of results for callee"));
    for (int i = 0; i < numResults(); i++) {
      if (!result(i).type().equals(type.results().get(i))) {
        return diag.report(opError("result type mismatch at index " + i).note(location(),
            "op result types: " + resultTypes()).note(location(), "function result types: " + type.results()));
      }
    }
    return true;
  }
}
