// nn canonicalizations: reshape and transpose chains collapse; the result is checked by interpretation.
// RUN: %sol-opt %s --canonicalize | FileCheck %s
// RUN: %sol-opt %s --canonicalize --check-equivalence > /dev/null
// CHECK: %0 = "nn.reshape"(%arg0) {shape = array<i64: 6>} : (tensor<2x3xf32>) -> tensor<6xf32>
// CHECK-NEXT: %1 = "nn.transpose"(%arg1) {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
// CHECK-NEXT: "func.return"(%0, %1, %arg0) : (tensor<6xf32>, tensor<4x2x3xf32>, tensor<2x3xf32>) -> ()
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<2x3x4xf32>):
  %r1 = "nn.reshape"(%a) {shape = array<i64: 3, 2>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %r2 = "nn.reshape"(%r1) {shape = array<i64: 6>} : (tensor<3x2xf32>) -> tensor<6xf32>
  %t1 = "nn.transpose"(%b) {perm = array<i64: 1, 2, 0>} : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
  %t2 = "nn.transpose"(%t1) {perm = array<i64: 1, 2, 0>} : (tensor<3x4x2xf32>) -> tensor<4x2x3xf32>
  %u1 = "nn.transpose"(%a) {perm = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %u2 = "nn.transpose"(%u1) {perm = array<i64: 1, 0>} : (tensor<3x2xf32>) -> tensor<2x3xf32>
  "func.return"(%r2, %t2, %u2) : (tensor<6xf32>, tensor<4x2x3xf32>, tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<2x3x4xf32>) -> (tensor<6xf32>, tensor<4x2x3xf32>, tensor<2x3xf32>), sym_name = "main"} : () -> ()
