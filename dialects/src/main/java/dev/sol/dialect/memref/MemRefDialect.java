package dev.sol.dialect.memref;

import dev.sol.ir.Dialect;
import dev.sol.ir.OpSpec;
import java.util.List;

/** Buffers: allocation, access, globals and views, as MLIR's memref dialect. */
public final class MemRefDialect implements Dialect {
  @Override public String namespace() { return "memref"; }

  @Override public List<OpSpec> operations() {
    return List.of(
        AllocOp.SPEC,
        AllocaOp.SPEC,
        DeallocOp.SPEC,
        LoadOp.SPEC,
        StoreOp.SPEC,
        GlobalOp.SPEC,
        GetGlobalOp.SPEC,
        SubViewOp.SPEC,
        ReshapeOp.SPEC,
        CollapseShapeOp.SPEC,
        ExpandShapeOp.SPEC,
        CopyOp.SPEC,
        CastOp.SPEC,
        DimOp.SPEC,
        RankOp.SPEC,
        ViewOp.SPEC,
        ReinterpretCastOp.SPEC,
        TransposeOp.SPEC,
        AssumeAlignmentOp.SPEC,
        PrefetchOp.SPEC,
        AtomicRMWOp.SPEC,
        ExtractStridedMetadataOp.SPEC,
        ExtractAlignedPointerAsIndexOp.SPEC,
        AllocaScopeReturnOp.SPEC,
        AllocaScopeOp.SPEC,
        GenericAtomicRMWOp.SPEC,
        AtomicYieldOp.SPEC);
  }
}
