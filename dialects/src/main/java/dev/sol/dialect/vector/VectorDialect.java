package dev.sol.dialect.vector;

import dev.sol.ir.*;
import dev.sol.dialect.arith.ArithConstants;
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
        TransferWriteOp.SPEC,
        ShuffleOp.SPEC,
        ShapeCastOp.SPEC,
        TransposeOp.SPEC,
        ExtractElementOp.SPEC,
        InsertElementOp.SPEC,
        OuterProductOp.SPEC,
        ContractionOp.SPEC,
        MaskedLoadOp.SPEC,
        MaskedStoreOp.SPEC,
        GatherOp.SPEC,
        ScatterOp.SPEC,
        CreateMaskOp.SPEC,
        ConstantMaskOp.SPEC,
        PrintOp.SPEC,
        ExtractStridedSliceOp.SPEC,
        InsertStridedSliceOp.SPEC,
        BitCastOp.SPEC,
        TypeCastOp.SPEC,
        MultiDimReductionOp.SPEC,
        CompressStoreOp.SPEC,
        ExpandLoadOp.SPEC,
        FlatTransposeOp.SPEC,
        MatmulOp.SPEC,
        ScanOp.SPEC,
        VectorScaleOp.SPEC,
        MaskOp.SPEC,
        YieldOp.SPEC);
  }

  /** Folded values become arith.constant operations. */
  @Override public Operation materializeConstant(Builder builder, Attribute value, Type type, Location loc) {
    return ArithConstants.materialize(builder, value, type, loc);
  }
}
