package dev.sol.ir;

/** Builds the "does not dominate" error with a note saying where the operand lives, worded as MLIR's. */
final class DominanceNotes {
  private DominanceNotes() {}

  static Diagnostic explain(Operation user, int operandIndex) {
    Diagnostic d = user.opError("operand #" + operandIndex + " does not dominate this use");
    Value v = user.operand(operandIndex);
    Region useRegion = user.parentRegion();
    Block defBlock = v.parentBlock();
    Region defRegion = defBlock == null ? null : defBlock.parent();
    if (v.definingOp() != null) {
      String where;
      if (defBlock == user.parentBlock()) where = " (op in the same block)";
      else if (defRegion == useRegion) where = " (op in the same region)";
      else if (defRegion != null && useRegion != null && defRegion.isAncestorOf(useRegion)) where = " (op in a parent region)";
      else if (defRegion != null && useRegion != null && useRegion.isAncestorOf(defRegion)) where = " (op in a child region)";
      else where = " (op is neither in a parent nor in a child region)";
      return d.note(v.location(), "operand defined here" + where);
    }
    Operation owner = defBlock == null ? null : defBlock.parentOp();
    Location loc = owner == null ? Location.UNKNOWN : owner.location();
    if (defRegion == null) return d.note(loc, " (block without parent)");
    int index = defRegion.blocks().indexOf(defBlock);
    String where;
    if (defRegion == useRegion) where = " in the same region)";
    else if (defRegion.isAncestorOf(useRegion)) where = " in a parent region)";
    else if (useRegion != null && useRegion.isAncestorOf(defRegion)) where = " in a child region)";
    else where = " neither in a parent nor in a child region)";
    return d.note(loc, "operand defined as a block argument (block #" + index + where);
  }
}
