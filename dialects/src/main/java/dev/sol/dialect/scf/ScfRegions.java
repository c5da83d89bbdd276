package dev.sol.dialect.scf;

import dev.sol.ir.*;
import java.util.List;

/** What the scf operations share: building their blocks, checking block argument types and what a region yields. */
final class ScfRegions {
  private ScfRegions() {}

  /** Makes the terminator of a block from the values its body returned. */
  interface Terminator {
    void create(Builder b, List<Value> values);
  }

  /**
   * Runs {@code body} at the end of {@code block} and appends the terminator made from what it
   * returns; the builder's insertion point is the same afterwards.
   */
  static void fill(Builder b, Block block, BodyBuilder body, Terminator terminator) {
    Builder.InsertionPoint saved = b.insertionPoint();
    b.atEnd(block);
    terminator.create(b, body.build(b, block.arguments()));
    b.restore(saved);
  }

  /** A block with arguments of {@code types}, all at {@code loc}, appended to {@code region}. */
  static Block addBlock(Region region, List<Type> types, Location loc) {
    Block block = region.addBlock();
    for (Type t : types) block.addArgument(t, loc);
    return block;
  }

  static List<Type> typesOf(List<Value> values) {
    List<Type> types = new java.util.ArrayList<>();
    for (Value v : values) types.add(v.type());
    return types;
  }

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
