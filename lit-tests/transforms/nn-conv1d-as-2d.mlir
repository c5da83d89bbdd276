// RUN: %sol-opt --load-dialect nn %s --split-input-file --nn-conv1d-as-2d | FileCheck %s
// RUN: %sol-opt --load-dialect nn %s --split-input-file --nn-conv1d-as-2d --nn-fuse | FileCheck %s --check-prefix=FUSE
// RUN: %sol-opt --load-dialect nn %s --split-input-file --nn-conv1d-as-2d --nn-fuse --check-equivalence 2>&1 | FileCheck %s --check-prefix=EQUIV

// A 1-D convolution becomes a 2-D one of height 1: the input reshaped to 2x4x1x20, the
// constant weights a new 6x4x1x3 constant, the width's stride, dilation and pads (none in the
// height); the residual add and the ReLU after it move onto the 2-D result (the residual
// reshaped too), and one reshape back to 2x6x9 comes last, so that nn-fuse still puts them
// into the convolution's epilogue.
// CHECK-LABEL: "func.func"
// CHECK: %[[X:.*]] = "nn.reshape"(%arg0) {shape = array<i64: 2, 4, 1, 20>} : (tensor<2x4x20xf32>) -> tensor<2x4x1x20xf32>
// CHECK: %[[W:.*]] = "nn.constant"() {value = dense<5.000000e-01> : tensor<6x4x1x3xf32>}
// CHECK: %[[C:.*]] = "nn.conv"(%[[X]], %[[W]], %{{.*}}) {dilations = array<i64: 1, 2>, group = 1 : i64, pads = array<i64: 0, 1, 0, 0>, strides = array<i64: 1, 2>} : (tensor<2x4x1x20xf32>, tensor<6x4x1x3xf32>, tensor<6xf32>) -> tensor<2x6x1x9xf32>
// CHECK: %[[R:.*]] = "nn.reshape"(%arg1) {shape = array<i64: 2, 6, 1, 9>}
// CHECK: %[[A:.*]] = "nn.add"(%[[C]], %[[R]]) : (tensor<2x6x1x9xf32>, tensor<2x6x1x9xf32>) -> tensor<2x6x1x9xf32>
// CHECK: %[[Y:.*]] = "nn.relu"(%[[A]]) : (tensor<2x6x1x9xf32>) -> tensor<2x6x1x9xf32>
// CHECK: %[[B:.*]] = "nn.reshape"(%[[Y]]) {shape = array<i64: 2, 6, 9>} : (tensor<2x6x1x9xf32>) -> tensor<2x6x9xf32>
// CHECK: "func.return"(%[[B]])
// CHECK-NOT: tensor<6x4x3xf32>
// CHECK: sym_name = "conv1d_residual"
// FUSE: "nn.fused"
// FUSE: "nn.conv"
// FUSE-NEXT: "nn.add"
// FUSE-NEXT: "nn.relu"
// FUSE-NEXT: "nn.yield"
// FUSE: "nn.reshape"(%{{.*}}) {shape = array<i64: 2, 6, 9>}
// FUSE: sym_name = "conv1d_residual"
"func.func"() ({
^bb0(%x: tensor<2x4x20xf32>, %r: tensor<2x6x9xf32>):
  %w = "nn.constant"() {value = dense<0.5> : tensor<6x4x3xf32>} : () -> tensor<6x4x3xf32>
  %b = "nn.constant"() {value = dense<0.25> : tensor<6xf32>} : () -> tensor<6xf32>
  %c = "nn.conv"(%x, %w, %b) {strides = array<i64: 2>, pads = array<i64: 1, 0>, dilations = array<i64: 2>} : (tensor<2x4x20xf32>, tensor<6x4x3xf32>, tensor<6xf32>) -> tensor<2x6x9xf32>
  %a = "nn.add"(%c, %r) : (tensor<2x6x9xf32>, tensor<2x6x9xf32>) -> tensor<2x6x9xf32>
  %y = "nn.relu"(%a) : (tensor<2x6x9xf32>) -> tensor<2x6x9xf32>
  "func.return"(%y) : (tensor<2x6x9xf32>) -> ()
}) {function_type = (tensor<2x4x20xf32>, tensor<2x6x9xf32>) -> tensor<2x6x9xf32>, sym_name = "conv1d_residual"} : () -> ()

// -----

// Weights given at run time are reshaped; a depthwise convolution keeps its groups; an op that
// is no epilogue (exp) stays on the 1-D result, after the reshape back.
// CHECK-LABEL: "func.func"
// CHECK: %[[X:.*]] = "nn.reshape"(%arg0) {shape = array<i64: 1, 8, 1, 16>}
// CHECK: %[[W:.*]] = "nn.reshape"(%arg1) {shape = array<i64: 8, 1, 1, 5>}
// CHECK: %[[C:.*]] = "nn.conv"(%[[X]], %[[W]]) {dilations = array<i64: 1, 1>, group = 8 : i64, pads = array<i64: 0, 2, 0, 2>, strides = array<i64: 1, 1>}
// CHECK: %[[B:.*]] = "nn.reshape"(%[[C]]) {shape = array<i64: 1, 8, 16>}
// CHECK: "nn.exp"(%[[B]]) : (tensor<1x8x16xf32>) -> tensor<1x8x16xf32>
// CHECK: sym_name = "depthwise_conv1d"
"func.func"() ({
^bb0(%x: tensor<1x8x16xf32>, %w: tensor<8x1x5xf32>):
  %c = "nn.conv"(%x, %w) {pads = array<i64: 2, 2>, group = 8 : i64} : (tensor<1x8x16xf32>, tensor<8x1x5xf32>) -> tensor<1x8x16xf32>
  %y = "nn.exp"(%c) : (tensor<1x8x16xf32>) -> tensor<1x8x16xf32>
  "func.return"(%y) : (tensor<1x8x16xf32>) -> ()
}) {function_type = (tensor<1x8x16xf32>, tensor<8x1x5xf32>) -> tensor<1x8x16xf32>, sym_name = "depthwise_conv1d"} : () -> ()

// Interpreting each step on random inputs gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv1d_residual"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "depthwise_conv1d"
