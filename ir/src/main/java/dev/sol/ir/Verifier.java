package dev.sol.ir;

import dev.sol.ir.traits.HasParent;
import dev.sol.ir.traits.IsTerminator;
import dev.sol.ir.traits.IsolatedFromAbove;
import dev.sol.ir.traits.NoTerminator;
import dev.sol.ir.traits.SameOperandsAndResultType;
import dev.sol.ir.traits.SameTypeOperands;
import dev.sol.ir.traits.SingleBlock;

/**
 * Checks an operation and everything nested in it: each registered op against its spec,
 * its traits and its own {@code verify()}, block structure and terminators, region
 * isolation, and finally SSA dominance. Stops at the first error, as MLIR does.
 */
public final class Verifier {
  private final IRContext context;
  private final Diagnostics diag;

  private Verifier(IRContext context) {
    this.context = context;
    this.diag = context.diagnostics();
  }

  public static boolean verify(Operation root, IRContext context) {
    Verifier v = new Verifier(context);
    return v.verifyTree(root) && v.verifyDominance(root);
  }

  /** Verifies an operation, then (as MLIR) each nested operation before its block's terminator rule. */
  private boolean verifyTree(Operation op) {
    if (!verifyOperation(op)) return false;
    for (Region region : op.regions()) {
      for (Block block : region.blocks()) {
        for (Operation inner : block) if (!verifyTree(inner)) return false;
        if (!verifyBlock(op, region, block)) return false;
      }
    }
    return true;
  }

  private boolean verifyOperation(Operation op) {
    for (int i = 0; i < op.numOperands(); i++) {
      if (op.operand(i) == null) return diag.report(op.opError("null operand found"));
    }
    if (!op.isRegistered()) {
      if (context.dialect(op.dialectNamespace()) != null) {
        return diag.report(Diagnostic.error(op.location(), "unregistered operation '" + op.name()
            + "' found in dialect ('" + op.dialectNamespace() + "') that does not allow unknown operations"));
      }
      if (!context.allowsUnregisteredDialects()) {
        return diag.report(Diagnostic.error(op.location(), "operation '" + op.name()
            + "' belongs to an unregistered dialect; use --allow-unregistered-dialect to allow it"));
      }
      return true;
    }
    // MLIR's order: count traits, structural traits, ODS invariants, the other traits, the op's verifier.
    return SpecVerifier.structure(op.spec(), op, diag) && verifyStructuralTraits(op)
        && SpecVerifier.invariants(op.spec(), op, diag) && verifyTraits(op) && op.verify(diag);
  }

  /** The traits MLIR marks structural, checked before attributes and types. */
  private boolean verifyStructuralTraits(Operation op) {
    if (op instanceof IsTerminator && op.parentBlock() != null && op.parentBlock().back() != op) {
      return diag.report(op.opError("must be the last operation in the parent block"));
    }
    if (op instanceof HasParent hp) {
      Operation parent = op.parentOp();
      if (parent == null || !hp.allowedParents().contains(parent.name())) {
        var names = hp.allowedParents();
        return diag.report(op.opError(names.size() == 1 ? "expects parent op '" + names.getFirst() + "'"
            : "expects parent op to be one of '" + String.join(", ", names) + "'"));
      }
    }
    if (op instanceof SingleBlock) {
      for (Region r : op.regions()) {
        if (r.blocks().size() > 1) {
          return diag.report(op.opError("expects region #" + r.index() + " to have 0 or 1 blocks"));
        }
      }
    }
    return true;
  }

  private boolean verifyTraits(Operation op) {
    if (op instanceof SameOperandsAndResultType) {
      Type first = op.numResults() > 0 ? op.result(0).type() : op.numOperands() > 0 ? op.operand(0).type() : null;
      for (Type t : op.operandTypes()) {
        if (!t.equals(first)) return diag.report(op.opError("requires the same type for all operands and results"));
      }
      for (Type t : op.resultTypes()) {
        if (!t.equals(first)) return diag.report(op.opError("requires the same type for all operands and results"));
      }
    }
    if (op instanceof SameTypeOperands) {
      for (Type t : op.operandTypes()) {
        if (!t.equals(op.operand(0).type())) return diag.report(op.opError("requires all operands to have the same type"));
      }
    }
    if (op instanceof IsolatedFromAbove && !verifyIsolation(op)) return false;
    return true;
  }

  private boolean verifyIsolation(Operation isolated) {
    for (Region region : isolated.regions()) {
      for (Block b : region.blocks()) {
        for (Operation inner : b) {
          final boolean[] ok = {true};
          inner.walkPreOrder(o -> {
            if (!ok[0]) return;
            for (int i = 0; i < o.numOperands(); i++) {
              Value v = o.operand(i);
              Region defRegion = v.parentRegion();
              if (defRegion == null || !region.isAncestorOf(defRegion)) {
                diag.report(o.opError("using value defined outside the region")
                    .note(isolated.location(), "required by region isolation constraints"));
                ok[0] = false;
                return;
              }
            }
          });
          if (!ok[0]) return false;
        }
      }
    }
    return true;
  }

  private boolean verifyBlock(Operation op, Region region, Block block) {
    for (Operation inner : block) {
      for (Block s : inner.successors()) {
        if (s.parent() != region) return diag.report(inner.opError("reference to block defined in another region"));
      }
    }
    if (!op.isRegistered() || op instanceof NoTerminator) return true;
    Operation last = block.back();
    if (last == null) return diag.report(op.opError("empty block: expect at least a terminator"));
    if (last.isRegistered() && !(last instanceof IsTerminator)) {
      return diag.report(Diagnostic.error(last.location(), "block with no terminator, has '" + last.name() + "'"));
    }
    return true;
  }

  private boolean verifyDominance(Operation root) {
    DominanceInfo dom = new DominanceInfo();
    final boolean[] ok = {true};
    root.walkPreOrder(op -> {
      if (!ok[0]) return;
      for (int i = 0; i < op.numOperands(); i++) {
        Value v = op.operand(i);
        if (!dom.properlyDominates(v, op)) {
          diag.report(DominanceNotes.explain(op, i));
          ok[0] = false;
          return;
        }
      }
    });
    return ok[0];
  }
}
