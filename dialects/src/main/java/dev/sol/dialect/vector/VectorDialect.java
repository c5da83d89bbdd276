package dev.sol.dialect.vector;

import dev.sol.ir.Dialect;
import dev.sol.ir.OpSpec;
import java.util.List;

/** SIMD vectors: loads, stores, broadcasts, reductions and transfers, as MLIR's vector dialect. */
public final class VectorDialect implements Dialect {
  @Override public String namespace() { return "vector"; }

  @Override public List<OpSpec> operations() {
    return List.of(
        LoadOp.SPEC,
        StoreOp.SPEC,
        BroadcastOp.SPEC,
        SplatOp.SPEC,
        FMAOp.SPEC,
        ReductionOp.SPEC,
        ExtractOp.SPEC,
        InsertOp.SPEC,
        TransferReadOp.SPEC,
        TransferWriteOp.SPEC);
  }
}
