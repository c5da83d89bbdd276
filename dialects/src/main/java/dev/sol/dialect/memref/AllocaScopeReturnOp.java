package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Ends an alloca_scope region. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "memref.alloca_scope.return"(...) : (...) -> (...)}</pre>
 */
public final class AllocaScopeReturnOp extends Operation implements IsTerminator, ReturnLike, HasParent {
  public static final OpSpec SPEC = OpSpec.named("memref.alloca_scope.return", AllocaScopeReturnOp.class, AllocaScopeReturnOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private AllocaScopeReturnOp(OperationState state) {
    super(state, SPEC);
  }

  @Override public java.util.List<String> allowedParents() { return java.util.List.of("memref.alloca_scope"); }
}
