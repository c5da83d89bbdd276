package dev.sol.dialect.nn;

import dev.sol.ir.OpSpec;
import java.util.List;

/** Every operation of the nn dialect. */
final class NnOps {
  private NnOps() {}

  static final List<OpSpec> SPECS = List.of(
      ReluOp.SPEC,
      SigmoidOp.SPEC,
      TanhOp.SPEC,
      ExpOp.SPEC,
      LogOp.SPEC,
      SqrtOp.SPEC,
      AbsOp.SPEC,
      NegOp.SPEC,
      ErfOp.SPEC,
      HardSwishOp.SPEC,
      IdentityOp.SPEC,
      LeakyReluOp.SPEC,
      HardSigmoidOp.SPEC,
      GeluOp.SPEC,
      ClipOp.SPEC,
      CeilOp.SPEC,
      FloorOp.SPEC,
      ReciprocalOp.SPEC,
      SoftplusOp.SPEC,
      AddOp.SPEC,
      SubOp.SPEC,
      MulOp.SPEC,
      DivOp.SPEC,
      PowOp.SPEC,
      MaxOp.SPEC,
      MinOp.SPEC,
      WhereOp.SPEC,
      ConstantOp.SPEC,
      CastOp.SPEC,
      ReshapeOp.SPEC,
      TransposeOp.SPEC,
      ConcatOp.SPEC,
      MatMulOp.SPEC,
      GemmOp.SPEC,
      SoftmaxOp.SPEC,
      LogSoftmaxOp.SPEC,
      ReduceSumOp.SPEC,
      ReduceMeanOp.SPEC,
      ReduceMaxOp.SPEC,
      ReduceMinOp.SPEC,
      ReduceProdOp.SPEC,
      ConvOp.SPEC,
      ConvTransposeOp.SPEC,
      MaxPoolOp.SPEC,
      AvgPoolOp.SPEC,
      BatchNormOp.SPEC,
      LayerNormOp.SPEC,
      LrnOp.SPEC,
      SliceOp.SPEC,
      GatherOp.SPEC,
      SplitOp.SPEC,
      PadOp.SPEC,
      ResizeOp.SPEC);
}
