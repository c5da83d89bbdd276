package dev.sol.dialect.builtin;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * The top-level container of IR: a single block of operations without terminator.
 *
 * <pre>{@code "builtin.module"() ({ }) : () -> ()}</pre>
 */
public final class ModuleOp extends Operation implements IsolatedFromAbove, NoTerminator, SingleBlock, SymbolTable, GraphRegions {
  public static final OpSpec SPEC = OpSpec.named("builtin.module", ModuleOp.class, ModuleOp::new)
      .optionalAttribute("sym_name", STRING).optionalAttribute("sym_visibility", STRING).regions(1);

  private ModuleOp(OperationState state) {
    super(state, SPEC);
  }

  /** The body block, created on demand. */
  public Block body() {
    if (region(0).isEmpty()) region(0).addBlock();
    return region(0).entryBlock();
  }

  public static ModuleOp create(IRContext context, Location loc) {
    OperationState state = new OperationState(SPEC.name(), loc);
    state.addRegion().addBlock();
    return (ModuleOp) Operation.create(context, state);
  }

  /** An empty module, inserted where {@code b} inserts. */
  public static ModuleOp create(Builder b, Location loc) {
    OperationState state = new OperationState(SPEC.name(), loc);
    state.addRegion().addBlock();
    return b.create(SPEC, state);
  }

  @Override public boolean verify(Diagnostics diag) {
    if (region(0).blocks().size() == 1 && region(0).entryBlock().numArguments() != 0) {
      return diag.report(opError("expected body to have no arguments"));
    }
    return true;
  }
}
