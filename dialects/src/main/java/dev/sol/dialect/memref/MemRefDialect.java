package dev.sol.dialect.memref;

import dev.sol.ir.*;
import dev.sol.dialect.arith.ArithConstants;
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

  /** Folded values become arith.constant operations. */
  @Override public Operation materializeConstant(Builder builder, Attribute value, Type type, Location loc) {
    return ArithConstants.materialize(builder, value, type, loc);
  }

  @Override public List<RewritePattern> canonicalizationPatterns() { return MemRefCanonicalization.patterns(); }
}
