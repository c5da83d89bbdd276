// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.reshape: both buffers are contiguous, so it collapses each to one dimension and copies
// element i to element i in a single loop over all 24 elements.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3x4xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<6x4xf32>
// CHECK-DAG: %[[SRC:.*]] = "memref.collapse_shape"(%[[XM]]) {reassociation = {{\[\[}}0, 1, 2]]} : (memref<2x3x4xf32>) -> memref<24xf32>
// CHECK-DAG: %[[DST:.*]] = "memref.collapse_shape"(%[[OUT]]) {reassociation = {{\[\[}}0, 1]]} : (memref<6x4xf32>) -> memref<24xf32>
// CHECK-DAG: %[[N:.*]] = "arith.constant"() {value = 24 : index}
// CHECK: "scf.for"(%{{.*}}, %[[N]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-NEXT: %[[V:.*]] = "memref.load"(%[[SRC]], %[[I]]) : (memref<24xf32>, index) -> f32
// CHECK-NEXT: "memref.store"(%[[V]], %[[DST]], %[[I]]) : (f32, memref<24xf32>, index) -> ()
// CHECK-NOT: "scf.for"
// CHECK: "bufferization.to_tensor"(%[[OUT]]) : (memref<6x4xf32>) -> tensor<6x4xf32>
// CHECK: sym_name = "reshape"
"func.func"() ({
^bb0(%x: tensor<2x3x4xf32>):
  %0 = "nn.reshape"(%x) {shape = array<i64: 6, 4>} : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  "func.return"(%0) : (tensor<6x4xf32>) -> ()
}) {function_type = (tensor<2x3x4xf32>) -> tensor<6x4xf32>, sym_name = "reshape"} : () -> ()

// A rank-1 side needs no collapse.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<6xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK: %[[DST:.*]] = "memref.collapse_shape"(%[[OUT]]) {reassociation = {{\[\[}}0, 1]]} : (memref<2x3xf32>) -> memref<6xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-NEXT: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]]) : (memref<6xf32>, index) -> f32
// CHECK-NEXT: "memref.store"(%[[V]], %[[DST]], %[[I]])
// CHECK: sym_name = "reshape_from_vector"
"func.func"() ({
^bb0(%x: tensor<6xf32>):
  %0 = "nn.reshape"(%x) {shape = array<i64: 2, 3>} : (tensor<6xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<6xf32>) -> tensor<2x3xf32>, sym_name = "reshape_from_vector"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3x4xf32>, memref<6x4xf32>) -> (), sym_name = "reshape"
// EQUIV: function_type = (memref<6xf32>, memref<2x3xf32>) -> (), sym_name = "reshape_from_vector"
