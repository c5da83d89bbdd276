package dev.sol.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sol.dialect.arith.*;
import dev.sol.dialect.bufferization.ToMemrefOp;
import dev.sol.dialect.bufferization.ToTensorOp;
import dev.sol.dialect.builtin.ModuleOp;
import dev.sol.dialect.builtin.UnrealizedConversionCastOp;
import dev.sol.dialect.func.CallOp;
import dev.sol.dialect.func.FuncOp;
import dev.sol.dialect.func.ReturnOp;
import dev.sol.dialect.math.ExpOp;
import dev.sol.dialect.math.FmaOp;
import dev.sol.dialect.memref.*;
import dev.sol.dialect.scf.ExecuteRegionOp;
import dev.sol.dialect.scf.ForOp;
import dev.sol.dialect.scf.IfOp;
import dev.sol.dialect.scf.ParallelOp;
import dev.sol.dialect.scf.ReduceOp;
import dev.sol.dialect.scf.WhileOp;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.dialect.vector.CombiningKind;
import dev.sol.dialect.vector.ExtractElementOp;
import dev.sol.dialect.vector.ExtractOp;
import dev.sol.dialect.vector.FMAOp;
import dev.sol.dialect.vector.InsertElementOp;
import dev.sol.dialect.vector.InsertOp;
import dev.sol.dialect.vector.ReductionOp;
import dev.sol.dialect.vector.SplatOp;
import dev.sol.ir.*;
import dev.sol.textir.AsmPrinter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Builds functions with the ops' static builders only, verifies them and compares the
 * printed generic form (what mlir-opt-16 reads) with the expected text.
 */
class BuildersTest {
  private final IRContext ctx = Dialects.newContext();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Location loc = Location.UNKNOWN;
  private final ModuleOp module = ModuleOp.create(ctx, loc);

  BuildersTest() { ctx.diagnostics().pushHandler(diagnostics::add); }

  private static final FloatType F32 = FloatType.F32;

  private Builder function(String name, List<Type> inputs, List<Type> results) {
    FuncOp f = FuncOp.create(new Builder(ctx).atEnd(module.body()), loc, name, new FunctionType(inputs, results));
    return new Builder(ctx).atEnd(f.body());
  }

  private String verifiedText() {
    assertTrue(Verifier.verify(module, ctx), diagnostics.toString());
    return AsmPrinter.toString(module, false);
  }

  @Test void loopNestCarriesASum() {
    MemRefType m = new MemRefType(new long[] {4, 8}, F32);
    Builder b = function("sum_exp", List.of(m), List.of(F32));
    Value buffer = b.insertionBlock().argument(0);
    Value c0 = ConstantOp.index(b, loc, 0).result();
    Value c1 = ConstantOp.index(b, loc, 1).result();
    Value c4 = ConstantOp.index(b, loc, 4).result();
    Value c8 = ConstantOp.index(b, loc, 8).result();
    Value zero = ConstantOp.floating(b, loc, 0, F32).result();
    ForOp rows = ForOp.create(b, loc, c0, c4, c1, List.of(zero), (outer, i, acc) -> {
      ForOp cols = ForOp.create(outer, loc, c0, c8, c1, List.of(acc.getFirst()), (inner, j, acc2) -> {
        Value v = LoadOp.create(inner, loc, buffer, i, j).result();
        Value e = ExpOp.create(inner, loc, v).result();
        return List.of(AddFOp.create(inner, loc, acc2.getFirst(), e).result());
      });
      return List.of(cols.result(0));
    });
    ReturnOp.create(b, loc, rows.result(0));
    assertEquals("""
        "builtin.module"() ({
          "func.func"() ({
          ^bb0(%arg0: memref<4x8xf32>):
            %0 = "arith.constant"() {value = 0 : index} : () -> index
            %1 = "arith.constant"() {value = 1 : index} : () -> index
            %2 = "arith.constant"() {value = 4 : index} : () -> index
            %3 = "arith.constant"() {value = 8 : index} : () -> index
            %4 = "arith.constant"() {value = 0.000000e+00 : f32} : () -> f32
            %5 = "scf.for"(%0, %2, %1, %4) ({
            ^bb0(%arg1: index, %arg2: f32):
              %6 = "scf.for"(%0, %3, %1, %arg2) ({
              ^bb0(%arg3: index, %arg4: f32):
                %7 = "memref.load"(%arg0, %arg1, %arg3) : (memref<4x8xf32>, index, index) -> f32
                %8 = "math.exp"(%7) : (f32) -> f32
                %9 = "arith.addf"(%arg4, %8) : (f32, f32) -> f32
                "scf.yield"(%9) : (f32) -> ()
              }) : (index, index, index, f32) -> f32
              "scf.yield"(%6) : (f32) -> ()
            }) : (index, index, index, f32) -> f32
            "func.return"(%5) : (f32) -> ()
          }) {function_type = (memref<4x8xf32>) -> f32, sym_name = "sum_exp"} : () -> ()
        }) : () -> ()
        """, verifiedText());
  }

  @Test void branchesComparisonsCastsAndWhile() {
    Builder b = function("clamp_count", List.of(F32, IntegerType.I32), List.of(F32, IntegerType.I64));
    Value x = b.insertionBlock().argument(0);
    Value n = b.insertionBlock().argument(1);
    Value zero = ConstantOp.floating(b, loc, 0, F32).result();
    Value negative = CmpFOp.create(b, loc, CmpFPredicate.OLT, x, zero).result();
    IfOp clamp = IfOp.create(b, loc, negative, List.of(F32),
        (in, args) -> List.of(zero),
        (in, args) -> List.of(SelectOp.create(in, loc, negative, zero, NegFOp.create(in, loc, x).result()).result()));
    Value one = ConstantOp.integer(b, loc, 1, IntegerType.I32).result();
    WhileOp loop = WhileOp.create(b, loc, List.of(IntegerType.I32), List.of(one),
        (in, args) -> List.of(CmpIOp.create(in, loc, CmpIPredicate.SLT, args.getFirst(), n).result(), args.getFirst()),
        (in, args) -> List.of(ShLIOp.create(in, loc, args.getFirst(), one).result()));
    Value wide = ExtSIOp.create(b, loc, loop.result(0), IntegerType.I64).result();
    Value asFloat = SIToFPOp.create(b, loc, wide, F32).result();
    Value fused = FmaOp.create(b, loc, clamp.result(0), asFloat, x).result();
    ReturnOp.create(b, loc, fused, wide);
    assertEquals("""
        "builtin.module"() ({
          "func.func"() ({
          ^bb0(%arg0: f32, %arg1: i32):
            %0 = "arith.constant"() {value = 0.000000e+00 : f32} : () -> f32
            %1 = "arith.cmpf"(%arg0, %0) {predicate = 4 : i64} : (f32, f32) -> i1
            %2 = "scf.if"(%1) ({
              "scf.yield"(%0) : (f32) -> ()
            }, {
              %8 = "arith.negf"(%arg0) : (f32) -> f32
              %9 = "arith.select"(%1, %0, %8) : (i1, f32, f32) -> f32
              "scf.yield"(%9) : (f32) -> ()
            }) : (i1) -> f32
            %3 = "arith.constant"() {value = 1 : i32} : () -> i32
            %4 = "scf.while"(%3) ({
            ^bb0(%arg2: i32):
              %8 = "arith.cmpi"(%arg2, %arg1) {predicate = 2 : i64} : (i32, i32) -> i1
              "scf.condition"(%8, %arg2) : (i1, i32) -> ()
            }, {
            ^bb0(%arg2: i32):
              %8 = "arith.shli"(%arg2, %3) : (i32, i32) -> i32
              "scf.yield"(%8) : (i32) -> ()
            }) : (i32) -> i32
            %5 = "arith.extsi"(%4) : (i32) -> i64
            %6 = "arith.sitofp"(%5) : (i64) -> f32
            %7 = "math.fma"(%2, %6, %arg0) : (f32, f32, f32) -> f32
            "func.return"(%7, %5) : (f32, i64) -> ()
          }) {function_type = (f32, i32) -> (f32, i64), sym_name = "clamp_count"} : () -> ()
        }) : () -> ()
        """, verifiedText());
  }

  @Test void buffersViewsAndGlobals() {
    Builder b = function("views", List.of(), List.of(IndexType.INSTANCE));
    DenseElementsAttr table = DenseElementsAttr.ofDoubles(new RankedTensorType(new long[] {2, 3}, F32), new double[] {1, 2, 3, 4, 5, 6});
    GlobalOp global = GlobalOp.privateConstant(new Builder(ctx).atEnd(module.body()), loc, "table", table, 64);
    Value g = GetGlobalOp.create(b, loc, global).result();
    Value flat = CollapseShapeOp.create(b, loc, g, new int[] {0, 1}).result();
    Value grid = ExpandShapeOp.create(b, loc, new MemRefType(new long[] {3, 2}, F32), flat, new int[] {0, 1}).result();
    AllocOp copy = AllocOp.create(b, loc, new MemRefType(new long[] {3, 2}, F32), List.of(), 64);
    CopyOp.create(b, loc, grid, copy.result());
    Value row = SubViewOp.create(b, loc, copy.result(), new long[] {1, 0}, new long[] {1, 2}, new long[] {1, 1}).result();
    Value dynamic = CastOp.create(b, loc, copy.result(), new MemRefType(new long[] {ShapedType.DYNAMIC, 2}, F32)).result();
    Value rows = DimOp.create(b, loc, dynamic, 0).result();
    Value c0 = ConstantOp.index(b, loc, 0).result();
    Value first = LoadOp.create(b, loc, row, c0, c0).result();
    StoreOp.create(b, loc, first, copy.result(), c0, c0);
    DeallocOp.create(b, loc, copy.result());
    ReturnOp.create(b, loc, rows);
    assertEquals("""
        "builtin.module"() ({
          "func.func"() ({
            %0 = "memref.get_global"() {name = @table} : () -> memref<2x3xf32>
            %1 = "memref.collapse_shape"(%0) {reassociation = [[0, 1]]} : (memref<2x3xf32>) -> memref<6xf32>
            %2 = "memref.expand_shape"(%1) {reassociation = [[0, 1]]} : (memref<6xf32>) -> memref<3x2xf32>
            %3 = "memref.alloc"() {alignment = 64 : i64, operand_segment_sizes = array<i32: 0, 0>} : () -> memref<3x2xf32>
            "memref.copy"(%2, %3) : (memref<3x2xf32>, memref<3x2xf32>) -> ()
            %4 = "memref.subview"(%3) {operand_segment_sizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 1, 0>, static_sizes = array<i64: 1, 2>, static_strides = array<i64: 1, 1>} : (memref<3x2xf32>) -> memref<1x2xf32, strided<[2, 1], offset: 2>>
            %5 = "memref.cast"(%3) : (memref<3x2xf32>) -> memref<?x2xf32>
            %6 = "arith.constant"() {value = 0 : index} : () -> index
            %7 = "memref.dim"(%5, %6) : (memref<?x2xf32>, index) -> index
            %8 = "arith.constant"() {value = 0 : index} : () -> index
            %9 = "memref.load"(%4, %8, %8) : (memref<1x2xf32, strided<[2, 1], offset: 2>>, index, index) -> f32
            "memref.store"(%9, %3, %8, %8) : (f32, memref<3x2xf32>, index, index) -> ()
            "memref.dealloc"(%3) : (memref<3x2xf32>) -> ()
            "func.return"(%7) : (index) -> ()
          }) {function_type = () -> index, sym_name = "views"} : () -> ()
          "memref.global"() {alignment = 64 : i64, constant, initial_value = dense<[[1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>, sym_name = "table", sym_visibility = "private", type = memref<2x3xf32>} : () -> ()
        }) : () -> ()
        """, verifiedText());
    assertEquals(java.util.OptionalLong.of(64), copy.alignment());
    assertEquals("private", global.visibility());
  }

  @Test void vectorsReduceByKind() {
    MemRefType m = new MemRefType(new long[] {8}, F32);
    VectorType v4 = new VectorType(new long[] {4}, F32);
    Builder b = function("dot4", List.of(m, m), List.of(F32));
    Value x = b.insertionBlock().argument(0);
    Value y = b.insertionBlock().argument(1);
    Value c0 = ConstantOp.index(b, loc, 0).result();
    Value vx = dev.sol.dialect.vector.LoadOp.create(b, loc, v4, x, List.of(c0)).result();
    Value vy = dev.sol.dialect.vector.LoadOp.create(b, loc, v4, y, List.of(c0)).result();
    Value two = ConstantOp.floating(b, loc, 2, F32).result();
    Value twos = SplatOp.create(b, loc, v4, two).result();
    Value acc = BroadcastOp.create(b, loc, v4, two).result();
    Value fma = FMAOp.create(b, loc, vx, vy, acc).result();
    Value scaled = MulFOp.create(b, loc, fma, twos).result();
    Value lane = ExtractOp.create(b, loc, scaled, 3).result();
    Value moved = InsertOp.create(b, loc, lane, scaled, 0).result();
    Value pick = ExtractElementOp.create(b, loc, moved, c0).result();
    Value back = InsertElementOp.create(b, loc, pick, moved, c0).result();
    dev.sol.dialect.vector.StoreOp.create(b, loc, back, y, List.of(c0));
    ReductionOp sum = ReductionOp.create(b, loc, CombiningKind.ADD, back);
    ReductionOp max = ReductionOp.create(b, loc, CombiningKind.MAXF, back, sum.result());
    ReturnOp.create(b, loc, max.result());
    assertEquals("""
        "builtin.module"() ({
          "func.func"() ({
          ^bb0(%arg0: memref<8xf32>, %arg1: memref<8xf32>):
            %0 = "arith.constant"() {value = 0 : index} : () -> index
            %1 = "vector.load"(%arg0, %0) : (memref<8xf32>, index) -> vector<4xf32>
            %2 = "vector.load"(%arg1, %0) : (memref<8xf32>, index) -> vector<4xf32>
            %3 = "arith.constant"() {value = 2.000000e+00 : f32} : () -> f32
            %4 = "vector.splat"(%3) : (f32) -> vector<4xf32>
            %5 = "vector.broadcast"(%3) : (f32) -> vector<4xf32>
            %6 = "vector.fma"(%1, %2, %5) : (vector<4xf32>, vector<4xf32>, vector<4xf32>) -> vector<4xf32>
            %7 = "arith.mulf"(%6, %4) : (vector<4xf32>, vector<4xf32>) -> vector<4xf32>
            %8 = "vector.extract"(%7) {position = [3]} : (vector<4xf32>) -> f32
            %9 = "vector.insert"(%8, %7) {position = [0]} : (f32, vector<4xf32>) -> vector<4xf32>
            %10 = "vector.extractelement"(%9, %0) : (vector<4xf32>, index) -> f32
            %11 = "vector.insertelement"(%10, %9, %0) : (f32, vector<4xf32>, index) -> vector<4xf32>
            "vector.store"(%11, %arg1, %0) : (vector<4xf32>, memref<8xf32>, index) -> ()
            %12 = "vector.reduction"(%11) {kind = #vector.kind<add>} : (vector<4xf32>) -> f32
            %13 = "vector.reduction"(%11, %12) {kind = #vector.kind<maxf>} : (vector<4xf32>, f32) -> f32
            "func.return"(%13) : (f32) -> ()
          }) {function_type = (memref<8xf32>, memref<8xf32>) -> f32, sym_name = "dot4"} : () -> ()
        }) : () -> ()
        """, verifiedText());
    assertEquals(CombiningKind.MAXF, max.kind());
  }

  @Test void callsParallelReductionsAndTensorCasts() {
    RankedTensorType t = new RankedTensorType(new long[] {4}, F32);
    FuncOp helper = FuncOp.declare(new Builder(ctx).atEnd(module.body()), loc, "helper", new FunctionType(List.of(t), List.of(t)));
    Builder b = function("main", List.of(t), List.of(F32, IntegerType.I64));
    Value arg = b.insertionBlock().argument(0);
    Value called = CallOp.create(b, loc, helper, List.of(arg)).result(0);
    Value buffer = ToMemrefOp.create(b, loc, called).result();
    Value c0 = ConstantOp.index(b, loc, 0).result();
    Value c1 = ConstantOp.index(b, loc, 1).result();
    Value c4 = ConstantOp.index(b, loc, 4).result();
    Value zero = ConstantOp.floating(b, loc, 0, F32).result();
    ParallelOp sum = ParallelOp.create(b, loc, List.of(c0), List.of(c4), List.of(c1), List.of(zero), (in, ivs) -> {
      Value v = LoadOp.create(in, loc, buffer, ivs.getFirst()).result();
      ReduceOp.create(in, loc, v, (r, operands) -> List.of(AddFOp.create(r, loc, operands.get(0), operands.get(1)).result()));
      return List.of();
    });
    ExecuteRegionOp region = ExecuteRegionOp.create(b, loc, List.of(IntegerType.I64),
        (in, args) -> List.of(UnrealizedConversionCastOp.create(in, loc, List.of(IntegerType.I64), List.of(c4)).result()));
    ToTensorOp.create(b, loc, buffer);
    ReturnOp.create(b, loc, sum.result(0), region.result(0));
    assertEquals("""
        "builtin.module"() ({
          "func.func"() ({
          }) {function_type = (tensor<4xf32>) -> tensor<4xf32>, sym_name = "helper", sym_visibility = "private"} : () -> ()
          "func.func"() ({
          ^bb0(%arg0: tensor<4xf32>):
            %0 = "func.call"(%arg0) {callee = @helper} : (tensor<4xf32>) -> tensor<4xf32>
            %1 = "bufferization.to_memref"(%0) : (tensor<4xf32>) -> memref<4xf32>
            %2 = "arith.constant"() {value = 0 : index} : () -> index
            %3 = "arith.constant"() {value = 1 : index} : () -> index
            %4 = "arith.constant"() {value = 4 : index} : () -> index
            %5 = "arith.constant"() {value = 0.000000e+00 : f32} : () -> f32
            %6 = "scf.parallel"(%2, %4, %3, %5) ({
            ^bb0(%arg1: index):
              %9 = "memref.load"(%1, %arg1) : (memref<4xf32>, index) -> f32
              "scf.reduce"(%9) ({
              ^bb0(%arg2: f32, %arg3: f32):
                %10 = "arith.addf"(%arg2, %arg3) : (f32, f32) -> f32
                "scf.reduce.return"(%10) : (f32) -> ()
              }) : (f32) -> ()
              "scf.yield"() : () -> ()
            }) {operand_segment_sizes = array<i32: 1, 1, 1, 1>} : (index, index, index, f32) -> f32
            %7 = "scf.execute_region"() ({
              %9 = "builtin.unrealized_conversion_cast"(%4) : (index) -> i64
              "scf.yield"(%9) : (i64) -> ()
            }) : () -> i64
            %8 = "bufferization.to_tensor"(%1) : (memref<4xf32>) -> tensor<4xf32>
            "func.return"(%6, %7) : (f32, i64) -> ()
          }) {function_type = (tensor<4xf32>) -> (f32, i64), sym_name = "main"} : () -> ()
        }) : () -> ()
        """, verifiedText());
  }
}
