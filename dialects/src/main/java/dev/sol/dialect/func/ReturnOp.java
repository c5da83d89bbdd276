package dev.sol.dialect.func;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Returns from a function; its operands match the function results.
 *
 * <pre>{@code "func.return"(%0) : (f32) -> ()}</pre>
 */
public final class ReturnOp extends Operation implements Pure, IsTerminator, ReturnLike, HasParent {
  public static final OpSpec SPEC = OpSpec.named("func.return", ReturnOp.class, ReturnOp::new)
      .variadicOperand("operands", ANY);

  private ReturnOp(OperationState state) {
    super(state, SPEC);
  }

  public static ReturnOp create(Builder b, Location loc, java.util.List<Value> operands) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(operands));
  }

  public static ReturnOp create(Builder b, Location loc, Value... operands) { return create(b, loc, java.util.List.of(operands)); }

  @Override public java.util.List<String> allowedParents() { return java.util.List.of("func.func"); }

  @Override public boolean verify(Diagnostics diag) {
    if (!(parentOp() instanceof FuncOp fn)) return true;
    var results = fn.functionType().results();
    if (numOperands() != results.size()) {
      return diag.report(opError("has " + numOperands() + " operands, but enclosing function (@" + fn.symName() + ") returns "
          + results.size()));
    }
    for (int i = 0; i < results.size(); i++) {
      if (!operand(i).type().equals(results.get(i))) {
        return diag.report(Diagnostic.error(location(), "type of return operand " + i + " ('" + operand(i).type()
            + "') doesn't match function result type ('" + results.get(i) + "') in function @" + fn.symName()));
      }
    }
    return true;
  }
}
