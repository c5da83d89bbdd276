// Valid nn ops verify and round-trip; constant operands fold with --canonicalize.
// RUN: %sol-opt --load-dialect nn %s | %sol-opt --load-dialect nn | FileCheck %s
// RUN: %sol-opt --load-dialect nn %s --canonicalize | FileCheck %s --check-prefix=FOLD
// CHECK: "nn.conv"
// CHECK: "nn.max_pool"
// CHECK: "nn.gemm"
// CHECK: "nn.softmax"
// FOLD: "nn.constant"() {value = dense<[4.000000e+00, 6.000000e+00]> : tensor<2xf32>} : () -> tensor<2xf32>
// FOLD-NOT: "nn.add"
// FOLD-NOT: "nn.identity"
"func.func"() ({
^bb0(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>, %fc: tensor<10x64xf32>):
  %c = "nn.conv"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  %r = "nn.relu"(%c) : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %p = "nn.max_pool"(%r) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
  %f = "nn.reshape"(%p) {shape = array<i64: 1, 64>} : (tensor<1x4x4x4xf32>) -> tensor<1x64xf32>
  %g = "nn.gemm"(%f, %fc) {trans_b = 1 : i64} : (tensor<1x64xf32>, tensor<10x64xf32>) -> tensor<1x10xf32>
  %s = "nn.softmax"(%g) {axis = 1 : i64} : (tensor<1x10xf32>) -> tensor<1x10xf32>
  %one = "nn.constant"() {value = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %two = "nn.constant"() {value = dense<[3.0, 4.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %sum = "nn.add"(%one, %two) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %id = "nn.identity"(%s) : (tensor<1x10xf32>) -> tensor<1x10xf32>
  "func.return"(%id, %sum) : (tensor<1x10xf32>, tensor<2xf32>) -> ()
}) {function_type = (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>, tensor<10x64xf32>) -> (tensor<1x10xf32>, tensor<2xf32>), sym_name = "net"} : () -> ()
