package dev.sol.dialect.func;

import dev.sol.ir.Dialect;
import dev.sol.ir.OpSpec;
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
}
