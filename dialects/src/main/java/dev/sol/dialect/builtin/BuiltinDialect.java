package dev.sol.dialect.builtin;

import dev.sol.ir.Dialect;
import dev.sol.ir.OpSpec;
import java.util.List;

/** The builtin dialect: module and unrealized casts. */
public final class BuiltinDialect implements Dialect {
  @Override public String namespace() { return "builtin"; }

  @Override public List<OpSpec> operations() {
    return List.of(
        ModuleOp.SPEC,
        UnrealizedConversionCastOp.SPEC);
  }
}
