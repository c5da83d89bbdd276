// RUN: %sol-opt %s -p memory-plan | FileCheck %s
// RUN: %sol-opt %s -p memory-plan --pass-statistics 2>&1 | FileCheck %s --check-prefix=STATS
// RUN: %sol-opt %s --check-equivalence -p memory-plan,canonicalize,cse 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %S/Inputs/memory-plan-chain.mlir -p 'convert-nn-to-loops,bufferize{free-buffers=false},memory-plan,cse' | FileCheck %s --check-prefix=CHAIN
// RUN: %sol-opt %S/Inputs/memory-plan-chain.mlir -p 'convert-nn-to-loops,bufferize,memory-plan' | FileCheck %s --check-prefix=REUSE
// RUN: %sol-opt %S/Inputs/memory-plan-chain.mlir --check-equivalence -p 'convert-nn-to-loops,bufferize{free-buffers=false},memory-plan' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %S/Inputs/memory-plan-chain.mlir --pipeline=cpu | mlir-opt-16 | FileCheck %s --check-prefix=MLIR
// REQUIRES: mlir-opt-16

// EQUIV-NOT: changed the results

// The top-level allocations become views into a trailing arena argument marked sol.arena,
// at offsets planned from their lifetimes (alloc to last use, through views): %a and %b are
// alive together (the second loop reads %a and writes %b through a collapsed view), so they
// take one cache line each. Their frees go; the scratch allocated inside a loop stays.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: memref<16xf32>, %[[Y:.*]]: memref<16xf32>, %[[ARENA:.*]]: memref<128xi8>):
// CHECK: "arith.constant"() {value = 16 : index}
// CHECK-NEXT: %[[A0:.*]] = "arith.constant"() {value = 0 : index}
// CHECK-NEXT: %[[A:.*]] = "memref.view"(%[[ARENA]], %[[A0]]) : (memref<128xi8>, index) -> memref<16xf32>
// CHECK: "scf.for"
// CHECK: %[[T:.*]] = "memref.alloc"() {{.*}} : () -> memref<1xf32>
// CHECK: "memref.dealloc"(%[[T]])
// CHECK: %[[B0:.*]] = "arith.constant"() {value = 64 : index}
// CHECK-NEXT: %[[B:.*]] = "memref.view"(%[[ARENA]], %[[B0]]) : (memref<128xi8>, index) -> memref<4x4xf32>
// CHECK: "memref.collapse_shape"(%[[B]])
// CHECK-NOT: "memref.dealloc"
// CHECK: "func.return"
// CHECK: arg_attrs = [{onnx.name = "x"}, {onnx.name = "y"}, {sol.arena}], function_type = (memref<16xf32>, memref<16xf32>, memref<128xi8>) -> (), sym_name = "loops"
"func.func"() ({
^bb0(%x: memref<16xf32>, %y: memref<16xf32>):
  %c0 = "arith.constant"() {value = 0 : index} : () -> index
  %c1 = "arith.constant"() {value = 1 : index} : () -> index
  %c16 = "arith.constant"() {value = 16 : index} : () -> index
  %a = "memref.alloc"() {alignment = 64 : i64, operand_segment_sizes = array<i32: 0, 0>} : () -> memref<16xf32>
  "scf.for"(%c0, %c16, %c1) ({
  ^bb0(%i: index):
    %t = "memref.alloc"() {operand_segment_sizes = array<i32: 0, 0>} : () -> memref<1xf32>
    %v = "memref.load"(%x, %i) : (memref<16xf32>, index) -> f32
    "memref.store"(%v, %t, %c0) : (f32, memref<1xf32>, index) -> ()
    %w = "memref.load"(%t, %c0) : (memref<1xf32>, index) -> f32
    "memref.store"(%w, %a, %i) : (f32, memref<16xf32>, index) -> ()
    "memref.dealloc"(%t) : (memref<1xf32>) -> ()
    "scf.yield"() : () -> ()
  }) : (index, index, index) -> ()
  %b = "memref.alloc"() {alignment = 64 : i64, operand_segment_sizes = array<i32: 0, 0>} : () -> memref<4x4xf32>
  %bf = "memref.collapse_shape"(%b) {reassociation = [[0, 1]]} : (memref<4x4xf32>) -> memref<16xf32>
  "scf.for"(%c0, %c16, %c1) ({
  ^bb0(%i: index):
    %v = "memref.load"(%a, %i) : (memref<16xf32>, index) -> f32
    %w = "arith.addf"(%v, %v) : (f32, f32) -> f32
    "memref.store"(%w, %bf, %i) : (f32, memref<16xf32>, index) -> ()
    "scf.yield"() : () -> ()
  }) : (index, index, index) -> ()
  "memref.dealloc"(%a) : (memref<16xf32>) -> ()
  "scf.for"(%c0, %c16, %c1) ({
  ^bb0(%i: index):
    %v = "memref.load"(%bf, %i) : (memref<16xf32>, index) -> f32
    "memref.store"(%v, %y, %i) : (f32, memref<16xf32>, index) -> ()
    "scf.yield"() : () -> ()
  }) : (index, index, index) -> ()
  "memref.dealloc"(%b) : (memref<4x4xf32>) -> ()
  "func.return"() : () -> ()
}) {arg_attrs = [{onnx.name = "x"}, {onnx.name = "y"}], function_type = (memref<16xf32>, memref<16xf32>) -> (), sym_name = "loops"} : () -> ()

// A private function is called by others, whose calls would need the new argument: it keeps its allocations.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%{{.*}}: memref<4xf32>):
// CHECK: "memref.alloc"
// CHECK: sym_name = "helper", sym_visibility = "private"
"func.func"() ({
^bb0(%x: memref<4xf32>):
  %a = "memref.alloc"() {operand_segment_sizes = array<i32: 0, 0>} : () -> memref<4xf32>
  "memref.copy"(%x, %a) : (memref<4xf32>, memref<4xf32>) -> ()
  "memref.copy"(%a, %x) : (memref<4xf32>, memref<4xf32>) -> ()
  "memref.dealloc"(%a) : (memref<4xf32>) -> ()
  "func.return"() : () -> ()
}) {function_type = (memref<4xf32>) -> (), sym_name = "helper", sym_visibility = "private"} : () -> ()

// STATS: memory-plan
// STATS-DAG: 2 num-planned
// STATS-DAG: 128 arena-bytes
// STATS-DAG: 128 peak-live-bytes

// A chain relu, neg, exp, tanh on 4x16xf32 (256 bytes a tensor): relu's result dies once neg
// has read it, so exp's result takes its place (the same view, which cse merges); two
// tensors' worth of arena.
// CHAIN: ^bb0(%{{.*}}: memref<4x16xf32>, %{{.*}}: memref<4x16xf32>, %[[ARENA:.*]]: memref<512xi8>):
// CHAIN: %[[R:.*]] = "memref.view"(%[[ARENA]], %{{.*}}) : (memref<512xi8>, index) -> memref<4x16xf32>
// CHAIN: "arith.select"
// CHAIN-NEXT: "memref.store"(%{{.*}}, %[[R]],
// CHAIN: %[[N:.*]] = "memref.view"(%[[ARENA]], %{{.*}}) : (memref<512xi8>, index) -> memref<4x16xf32>
// CHAIN: "arith.negf"
// CHAIN-NEXT: "memref.store"(%{{.*}}, %[[N]],
// CHAIN: "math.exp"
// CHAIN-NEXT: "memref.store"(%{{.*}}, %[[R]],
// CHAIN: "math.tanh"
// CHAIN-NOT: "memref.dealloc"

// After bufferize's own reuse (exp's result in relu's buffer, one alloc) and frees, the plan
// comes to the same arena, and the frees go:
// REUSE: ^bb0(%{{.*}}: memref<4x16xf32>, %{{.*}}: memref<4x16xf32>, %{{.*}}: memref<512xi8>):
// REUSE-COUNT-2: "memref.view"
// REUSE-NOT: "memref.view"
// REUSE-NOT: "memref.dealloc"

// mlir-opt-16 reads the planned IR (memref.view of the arena):
// MLIR: func.func @main(%arg0: memref<4x16xf32>, %arg1: memref<4x16xf32>, %arg2: memref<512xi8> {sol.arena})
// MLIR: memref.view %arg2[%{{.*}}][] : memref<512xi8> to memref<4x16xf32>
