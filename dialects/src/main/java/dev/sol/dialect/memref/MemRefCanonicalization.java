package dev.sol.dialect.memref;

import dev.sol.ir.*;
import java.util.List;

/** Canonicalization patterns of the memref dialect, after MLIR's. */
final class MemRefCanonicalization {
  private MemRefCanonicalization() {}

  static List<RewritePattern> patterns() { return List.of(new SimplifyDeadAlloc(AllocOp.class, AllocOp.SPEC),
      new SimplifyDeadAlloc(AllocaOp.class, AllocaOp.SPEC)); }

  /** A buffer that is only stored into and freed is never read: drop it with its stores and dealloc. */
  static final class SimplifyDeadAlloc extends RewritePattern {
    SimplifyDeadAlloc(Class<? extends Operation> type, OpSpec spec) { super(spec.name(), 1); }

    @Override public boolean rewrite(Operation op, PatternRewriter rewriter) {
      Value buffer = op.result(0);
      if (buffer.hasNoUses()) return false;
      for (OpOperand use : buffer.uses()) {
        Operation user = use.owner();
        boolean storeInto = user instanceof StoreOp && use.index() == 1;
        if (!storeInto && !(user instanceof DeallocOp)) return false;
      }
      for (Operation user : buffer.users()) if (user.parentBlock() != null) rewriter.eraseOp(user);
      rewriter.eraseOp(op);
      return true;
    }
  }
}
