// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.reshape is a view: both buffers are contiguous, so the input's buffer is collapsed to one
// dimension and expanded to the new shape; no element moves and nothing is allocated.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3x4xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-NEXT: %[[FLAT:.*]] = "memref.collapse_shape"(%[[XM]]) {reassociation = {{\[\[}}0, 1, 2]]} : (memref<2x3x4xf32>) -> memref<24xf32>
// CHECK-NEXT: %[[VIEW:.*]] = "memref.expand_shape"(%[[FLAT]]) {reassociation = {{\[\[}}0, 1]]} : (memref<24xf32>) -> memref<6x4xf32>
// CHECK-NEXT: "bufferization.to_tensor"(%[[VIEW]]) : (memref<6x4xf32>) -> tensor<6x4xf32>
// CHECK-NOT: "memref.alloc"
// CHECK-NOT: "scf.for"
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
// CHECK-NEXT: %[[VIEW:.*]] = "memref.expand_shape"(%[[XM]]) {reassociation = {{\[\[}}0, 1]]} : (memref<6xf32>) -> memref<2x3xf32>
// CHECK-NEXT: "bufferization.to_tensor"(%[[VIEW]])
// CHECK-NOT: "scf.for"
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
