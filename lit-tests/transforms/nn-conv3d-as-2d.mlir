// RUN: %sol-opt --load-dialect nn %s --nn-conv3d-as-2d | FileCheck %s
// RUN: %sol-opt --load-dialect nn %s --nn-conv3d-as-2d --nn-fuse --check-equivalence 2>&1 | FileCheck %s --check-prefix=EQUIV

// A 3-D convolution (stride 2, padding 1 and dilation 1 in depth; padding 1 in height;
// dilation 2 in width) as a 2-D one over the output depths: the input padded in depth (5 -> 7),
// one strided slice per depth tap (starts 0, 1, 2, step 2: 3 output depths), stacked as
// (depth, channel, tap) images of 2 x 3 = 6 channels, the weights reshaped to 4 x 6 x 3 x 3,
// the height's and width's pads and dilations; the ReLU on the 2-D result, then the reshape
// and transpose back to 1 x 4 x 3 x 6 x 3.
// CHECK: %[[P:.*]] = "nn.pad"(%arg0) {pads = array<i64: 0, 0, 1, 0, 0, 0, 0, 1, 0, 0>} : (tensor<1x2x5x6x7xf32>) -> tensor<1x2x7x6x7xf32>
// CHECK: "nn.slice"(%[[P]]) {ends = array<i64: 1, 2, 5, 6, 7>, starts = array<i64: 0, 0, 0, 0, 0>, steps = array<i64: 1, 1, 2, 1, 1>}
// CHECK: "nn.slice"(%[[P]]) {ends = array<i64: 1, 2, 6, 6, 7>, starts = array<i64: 0, 0, 1, 0, 0>, steps = array<i64: 1, 1, 2, 1, 1>}
// CHECK: "nn.slice"(%[[P]]) {ends = array<i64: 1, 2, 7, 6, 7>, starts = array<i64: 0, 0, 2, 0, 0>, steps = array<i64: 1, 1, 2, 1, 1>}
// CHECK: %[[S:.*]] = "nn.concat"({{.*}}) {axis = 3 : i64} : {{.*}} -> tensor<1x2x3x3x6x7xf32>
// CHECK: %[[T:.*]] = "nn.transpose"(%[[S]]) {perm = array<i64: 0, 2, 1, 3, 4, 5>} : (tensor<1x2x3x3x6x7xf32>) -> tensor<1x3x2x3x6x7xf32>
// CHECK: %[[I:.*]] = "nn.reshape"(%[[T]]) {shape = array<i64: 3, 6, 6, 7>}
// CHECK: %[[W:.*]] = "nn.reshape"(%arg1) {shape = array<i64: 4, 6, 3, 3>}
// CHECK: %[[C:.*]] = "nn.conv"(%[[I]], %[[W]], %arg2) {dilations = array<i64: 1, 2>, group = 1 : i64, pads = array<i64: 1, 0, 1, 0>, strides = array<i64: 1, 1>} : (tensor<3x6x6x7xf32>, tensor<4x6x3x3xf32>, tensor<4xf32>) -> tensor<3x4x6x3xf32>
// CHECK: %[[R:.*]] = "nn.relu"(%[[C]]) : (tensor<3x4x6x3xf32>) -> tensor<3x4x6x3xf32>
// CHECK: %[[B:.*]] = "nn.reshape"(%[[R]]) {shape = array<i64: 1, 3, 4, 6, 3>}
// CHECK: %[[Y:.*]] = "nn.transpose"(%[[B]]) {perm = array<i64: 0, 2, 1, 3, 4>} : (tensor<1x3x4x6x3xf32>) -> tensor<1x4x3x6x3xf32>
// CHECK: "func.return"(%[[Y]])
"func.func"() ({
^bb0(%x: tensor<1x2x5x6x7xf32>, %w: tensor<4x2x3x3x3xf32>, %b: tensor<4xf32>):
  %c = "nn.conv"(%x, %w, %b) {strides = array<i64: 2, 1, 1>, pads = array<i64: 1, 1, 0, 1, 1, 0>, dilations = array<i64: 1, 1, 2>} : (tensor<1x2x5x6x7xf32>, tensor<4x2x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x3x6x3xf32>
  %y = "nn.relu"(%c) : (tensor<1x4x3x6x3xf32>) -> tensor<1x4x3x6x3xf32>
  "func.return"(%y) : (tensor<1x4x3x6x3xf32>) -> ()
}) {function_type = (tensor<1x2x5x6x7xf32>, tensor<4x2x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x3x6x3xf32>, sym_name = "conv3d_relu"} : () -> ()

// Interpreting each step on random inputs gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv3d_relu"
