package dev.sol.dialect.scf;

import dev.sol.ir.*;
import dev.sol.dialect.arith.ArithConstants;
import java.util.List;

/** Structured control flow: loops and conditionals with regions, as MLIR's scf dialect. */
public final class ScfDialect implements Dialect {
  @Override public String namespace() { return "scf"; }

  @Override public List<OpSpec> operations() {
    return List.of(
        ForOp.SPEC,
        IfOp.SPEC,
        WhileOp.SPEC,
        ConditionOp.SPEC,
        YieldOp.SPEC,
        ExecuteRegionOp.SPEC,
        ParallelOp.SPEC,
        ReduceOp.SPEC,
        ReduceReturnOp.SPEC,
        IndexSwitchOp.SPEC,
        ForeachThreadOp.SPEC,
        PerformConcurrentlyOp.SPEC);
  }

  /** Folded values become arith.constant operations. */
  @Override public Operation materializeConstant(Builder builder, Attribute value, Type type, Location loc) {
    return ArithConstants.materialize(builder, value, type, loc);
  }

  @Override public List<RewritePattern> canonicalizationPatterns() { return ScfCanonicalization.patterns(); }
}
