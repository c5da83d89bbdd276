package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * The buffer of a memref.global.
 *
 * <pre>{@code %0 = "memref.get_global"() {name = @w} : () -> memref<4xf32>}</pre>
 */
public final class GetGlobalOp extends Operation implements Pure {
  public static final OpSpec SPEC = OpSpec.named("memref.get_global", GetGlobalOp.class, GetGlobalOp::new)
      .attribute("name", FLAT_SYMBOL_REF).result("result", MEMREF);

  private GetGlobalOp(OperationState state) {
    super(state, SPEC);
  }

  public SymbolRefAttr nameRef() { return (SymbolRefAttr) attribute("name"); }
  public String globalName() { return nameRef().root(); }

  /** The buffer of the global {@code name} of {@code type}. */
  public static GetGlobalOp create(Builder b, Location loc, String name, MemRefType type) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).results(type)
        .attribute("name", new SymbolRefAttr(name, java.util.List.of())));
  }

  public static GetGlobalOp create(Builder b, Location loc, GlobalOp global) {
    return create(b, loc, global.symName(), global.type());
  }

  @Override public boolean verify(Diagnostics diag) {
    if (!(Symbols.lookup(this, nameRef()) instanceof GlobalOp global)) {
      return diag.report(opError("'" + nameRef().root() + "' does not reference a valid global memref"));
    }
    if (!global.type().equals(result().type())) {
      return diag.report(opError("result type '" + result().type() + "' does not match type '" + global.type()
          + "' of the global memref @" + nameRef().root()));
    }
    return true;
  }
}
