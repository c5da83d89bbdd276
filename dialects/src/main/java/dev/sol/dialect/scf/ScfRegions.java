package dev.sol.dialect.scf;

import dev.sol.ir.*;
import java.util.List;

/** Checks shared by scf operations: block argument types and what a region yields. */
final class ScfRegions {
  private ScfRegions() {}

  static boolean argTypesMatch(Block block, List<Type> types) {
    if (block.numArguments() != types.size()) return false;
    for (int i = 0; i < types.size(); i++) if (!block.argument(i).type().equals(types.get(i))) return false;
    return true;
  }

  /** Region {@code index} of {@code op} must end with scf.yield of {@code expected} types. */
  static boolean verifyYield(Operation op, int index, List<Type> expected, Diagnostics diag) {
    Block block = op.region(index).entryBlock();
    if (block == null) return true;
    Operation last = block.back();
    if (!(last instanceof YieldOp yield)) {
      return diag.report(op.opError("expects regions to end with 'scf.yield', found '" + (last == null ? "nothing" : last.name()) + "'")
          .note(last == null ? op.location() : last.location(), "in custom textual format, the absence of terminator implies 'scf.yield'"));
    }
    String edge = "along control flow edge from Region #" + index + " to parent results: ";
    if (yield.numOperands() != expected.size()) {
      return diag.report(op.opError(" " + edge + "source has " + yield.numOperands() + " operands, but target successor needs "
          + expected.size()));
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!yield.operand(i).type().equals(expected.get(i))) {
        return diag.report(op.opError(" " + edge + "source type #" + i + " '" + yield.operand(i).type()
            + "' should match input type #" + i + " '" + expected.get(i) + "'"));
      }
    }
    return true;
  }
}
