// A reshape from or to a rank-0 tensor is a view too: the rank-0 buffer is seen as one element
// with memref.expand_shape and an empty reassociation (the form MLIR 16 accepts for a rank-0
// source), and one element as rank 0 with memref.collapse_shape and an empty reassociation.
// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<f32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-NEXT: %[[ONE:.*]] = "memref.expand_shape"(%[[XM]]) {reassociation = []} : (memref<f32>) -> memref<1xf32>
// CHECK-NEXT: %[[VIEW:.*]] = "memref.expand_shape"(%[[ONE]]) {reassociation = {{\[\[}}0, 1]]} : (memref<1xf32>) -> memref<1x1xf32>
// CHECK-NEXT: "bufferization.to_tensor"(%[[VIEW]])
// CHECK: sym_name = "reshape_from_scalar"
"func.func"() ({
^bb0(%x: tensor<f32>):
  %0 = "nn.reshape"(%x) {shape = array<i64: 1, 1>} : (tensor<f32>) -> tensor<1x1xf32>
  "func.return"(%0) : (tensor<1x1xf32>) -> ()
}) {function_type = (tensor<f32>) -> tensor<1x1xf32>, sym_name = "reshape_from_scalar"} : () -> ()

// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-NEXT: %[[VIEW:.*]] = "memref.collapse_shape"(%[[XM]]) {reassociation = []} : (memref<1xf32>) -> memref<f32>
// CHECK-NEXT: "bufferization.to_tensor"(%[[VIEW]])
// CHECK: sym_name = "reshape_to_scalar"
"func.func"() ({
^bb0(%x: tensor<1xf32>):
  %0 = "nn.reshape"(%x) {shape = array<i64>} : (tensor<1xf32>) -> tensor<f32>
  "func.return"(%0) : (tensor<f32>) -> ()
}) {function_type = (tensor<1xf32>) -> tensor<f32>, sym_name = "reshape_to_scalar"} : () -> ()

// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<f32>, memref<1x1xf32>) -> (), sym_name = "reshape_from_scalar"
// EQUIV: function_type = (memref<1xf32>, memref<f32>) -> (), sym_name = "reshape_to_scalar"
