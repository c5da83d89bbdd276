package dev.sol.dialect.vector;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * Casts a memref of scalars to a memref of a vector. Registered with structural checks only; its operands, results and attributes follow MLIR 16.
 *
 * <pre>{@code "vector.type_cast"(...) : (...) -> (...)}</pre>
 */
public final class TypeCastOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("vector.type_cast", TypeCastOp.class, TypeCastOp::new)
      .variadicOperand("operands", ANY).variadicResult("results", ANY);

  private TypeCastOp(OperationState state) {
    super(state, SPEC);
  }
}
