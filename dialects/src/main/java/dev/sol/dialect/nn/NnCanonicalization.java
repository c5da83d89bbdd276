package dev.sol.dialect.nn;

import dev.sol.ir.*;
import java.util.List;

/** Canonicalization patterns of the nn dialect. */
final class NnCanonicalization {
  private NnCanonicalization() {}

  static List<RewritePattern> patterns() { return List.of(new RemoveIdentity()); }

  /** nn.identity is its operand. */
  static final class RemoveIdentity extends OpRewritePattern<IdentityOp> {
    RemoveIdentity() { super(IdentityOp.class, IdentityOp.SPEC); }

    @Override public boolean matchAndRewrite(IdentityOp op, PatternRewriter rewriter) {
      rewriter.replaceOp(op, op.operand(0));
      return true;
    }
  }
}
