package dev.sol.dialect.nn;

import dev.sol.ir.*;
import java.util.List;

/** Canonicalization patterns of the nn dialect. */
final class NnCanonicalization {
  private NnCanonicalization() {}

  static List<RewritePattern> patterns() {
    return List.of(new RemoveIdentity(), new ReshapeOfReshape(), new RemoveNoopReshape(), new TransposeOfTranspose());
  }

  /** nn.identity is its operand. */
  static final class RemoveIdentity extends OpRewritePattern<IdentityOp> {
    RemoveIdentity() { super(IdentityOp.class, IdentityOp.SPEC); }

    @Override public boolean matchAndRewrite(IdentityOp op, PatternRewriter rewriter) {
      rewriter.replaceOp(op, op.operand(0));
      return true;
    }
  }

  /** reshape(reshape(x)) is one reshape of x. */
  static final class ReshapeOfReshape extends OpRewritePattern<ReshapeOp> {
    ReshapeOfReshape() { super(ReshapeOp.class, ReshapeOp.SPEC); }

    @Override public boolean matchAndRewrite(ReshapeOp op, PatternRewriter rewriter) {
      if (!(op.operand(0).definingOp() instanceof ReshapeOp inner)) return false;
      rewriter.modifyInPlace(op, () -> op.setOperand(0, inner.operand(0)));
      return true;
    }
  }

  /** A reshape to the operand's own shape is the operand. */
  static final class RemoveNoopReshape extends OpRewritePattern<ReshapeOp> {
    RemoveNoopReshape() { super(ReshapeOp.class, ReshapeOp.SPEC); }

    @Override public boolean matchAndRewrite(ReshapeOp op, PatternRewriter rewriter) {
      if (!op.operand(0).type().equals(op.result(0).type())) return false;
      rewriter.replaceOp(op, op.operand(0));
      return true;
    }
  }

  /** transpose(transpose(x, p), q) is transpose(x, p∘q), or x when that is the identity. */
  static final class TransposeOfTranspose extends OpRewritePattern<TransposeOp> {
    TransposeOfTranspose() { super(TransposeOp.class, TransposeOp.SPEC); }

    @Override public boolean matchAndRewrite(TransposeOp op, PatternRewriter rewriter) {
      long[] q = op.perm();
      boolean identity = true;
      for (int i = 0; i < q.length; i++) identity &= q[i] == i;
      if (identity) {
        rewriter.replaceOp(op, op.operand(0));
        return true;
      }
      if (!(op.operand(0).definingOp() instanceof TransposeOp inner)) return false;
      long[] p = inner.perm();
      long[] composed = new long[q.length];
      for (int i = 0; i < q.length; i++) composed[i] = p[(int) q[i]];
      rewriter.modifyInPlace(op, () -> {
        op.setOperand(0, inner.operand(0));
        op.setPerm(composed);
      });
      return true;
    }
  }
}
