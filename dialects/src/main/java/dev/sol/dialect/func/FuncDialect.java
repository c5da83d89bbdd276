package dev.sol.dialect.func;

import dev.sol.ir.*;
import dev.sol.dialect.arith.ArithConstants;
import java.util.List;

/** Functions, calls and returns, as MLIR's func dialect. */
public final class FuncDialect implements Dialect {
  @Override public String namespace() { return "func"; }

  @Override public List<OpSpec> operations() {
    return List.of(
        FuncOp.SPEC,
        ReturnOp.SPEC,
        CallOp.SPEC,
        CallIndirectOp.SPEC,
        ConstantOp.SPEC);
  }

  /** Folded values become arith.constant operations. */
  @Override public Operation materializeConstant(Builder builder, Attribute value, Type type, Location loc) {
    return ArithConstants.materialize(builder, value, type, loc);
  }
}
