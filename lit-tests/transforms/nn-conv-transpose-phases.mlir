// RUN: %sol-opt %s -p nn-conv-transpose-phases | FileCheck %s
// RUN: %sol-opt %s --check-equivalence -p nn-conv-transpose-phases 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'nn-conv-transpose-phases,nn-fold-batchnorm,nn-fuse,convert-nn-to-loops{vector-width=16 vector-registers=32},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'nn-conv-transpose-phases,nn-fuse,convert-nn-to-loops{vector-width=8 vector-registers=16 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "kept_depthwise"

// A 4 x 4 transposed convolution with stride 2 and pads of 1: four phases, each a 2 x 2
// convolution of the input (taps 1 and 3 of the kernel for even outputs, 0 and 2 for odd
// ones, reversed), padded before for the even outputs and after for the odd ones, with the
// bias; joined along the channels and interleaved as DepthToSpace does.
// CHECK-LABEL: ^bb0(%{{.*}}: tensor<1x3x5x4xf32>):
// CHECK-NOT: "nn.conv_transpose"
// CHECK: %[[C00:.*]] = "nn.conv"(%[[X:[^,]*]], %{{[^,]*}}, %[[B:[^)]*]]) {{.*}}pads = array<i64: 1, 1, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x5x4xf32>, tensor<2x3x2x2xf32>, tensor<2xf32>) -> tensor<1x2x5x4xf32>
// CHECK: %[[C01:.*]] = "nn.conv"(%[[X]], %{{[^,]*}}, %[[B]]) {{.*}}pads = array<i64: 1, 0, 0, 1>
// CHECK: %[[C10:.*]] = "nn.conv"(%[[X]], %{{[^,]*}}, %[[B]]) {{.*}}pads = array<i64: 0, 1, 1, 0>
// CHECK: %[[C11:.*]] = "nn.conv"(%[[X]], %{{[^,]*}}, %[[B]]) {{.*}}pads = array<i64: 0, 0, 1, 1>
// CHECK: %[[J:.*]] = "nn.concat"(%[[C00]], %[[C01]], %[[C10]], %[[C11]]) {axis = 1 : i64} {{.*}} -> tensor<1x8x5x4xf32>
// CHECK: %[[R:.*]] = "nn.reshape"(%[[J]]) {shape = array<i64: 1, 2, 2, 2, 5, 4>}
// CHECK: %[[T:.*]] = "nn.transpose"(%[[R]]) {perm = array<i64: 0, 3, 4, 1, 5, 2>} : (tensor<1x2x2x2x5x4xf32>) -> tensor<1x2x5x2x4x2xf32>
// CHECK: %[[Y:.*]] = "nn.reshape"(%[[T]]) {shape = array<i64: 1, 2, 10, 8>}
// CHECK: "func.return"(%[[Y]])
// CHECK: sym_name = "k4_s2_p1"

// A 2 x 2 kernel with stride 2 (U-Net's up-convolutions): each phase is a 1 x 1 convolution.
// CHECK-LABEL: ^bb0(%{{.*}}: tensor<2x3x3x4xf32>):
// CHECK-COUNT-4: "nn.conv"{{.*}}pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<2x3x3x4xf32>, tensor<2x3x1x1xf32>, tensor<2xf32>) -> tensor<2x2x3x4xf32>
// CHECK: "nn.concat"
// CHECK: sym_name = "k2_s2"

// A 3 x 3 kernel with stride 2, pads of 1 and an output padding of 1: the even outputs take
// one tap of a dimension, the odd ones two.
// CHECK-LABEL: ^bb0(%{{.*}}: tensor<1x2x4x3xf32>):
// CHECK: "nn.conv"{{.*}}pads = array<i64: 0, 0, 0, 0>{{.*}}tensor<3x2x1x1xf32>
// CHECK: "nn.conv"{{.*}}pads = array<i64: 0, 0, 0, 1>{{.*}}tensor<3x2x1x2xf32>
// CHECK: "nn.conv"{{.*}}pads = array<i64: 0, 0, 1, 0>{{.*}}tensor<3x2x2x1xf32>
// CHECK: "nn.conv"{{.*}}pads = array<i64: 0, 0, 1, 1>{{.*}}tensor<3x2x2x2xf32>
// CHECK: sym_name = "k3_s2_p1_out1"

// Stride 1: one phase, the kernel flipped; nothing to interleave.
// CHECK-LABEL: ^bb0(%{{.*}}: tensor<1x2x4x5xf32>):
// CHECK-NEXT: %{{.*}} = "nn.constant"
// CHECK-NEXT: %{{.*}} = "nn.constant"() {{.*}} -> tensor<3x2x3x3xf32>
// CHECK-NEXT: %[[C:.*]] = "nn.conv"({{.*}}pads = array<i64: 1, 1, 1, 1>
// CHECK-NEXT: "func.return"(%[[C]])
// CHECK: sym_name = "k3_s1_p1"

// Strides 2 and 1: two phases of the rows.
// CHECK-LABEL: ^bb0(%{{.*}}: tensor<1x2x3x4xf32>):
// CHECK-COUNT-2: "nn.conv"{{.*}}tensor<2x2x2x3xf32>) -> tensor<1x2x3x4xf32>
// CHECK: "nn.transpose"{{.*}} : (tensor<1x2x1x2x3x4xf32>) -> tensor<1x2x3x2x4x1xf32>
// CHECK: sym_name = "k4_s21"

// Kept: dilation, phases of different sizes (5 outputs from stride 2), and (below) a
// depthwise one, which has its own kernel. Two groups stay groups of the phases' convolutions (group 2 takes input
// channels 2 and 3 to output channel 1).
// CHECK-LABEL: ^bb0(%{{.*}}: tensor<1x2x3x3xf32>):
// CHECK: "nn.conv_transpose"
// CHECK: sym_name = "kept_dilated"
// CHECK: "nn.conv_transpose"
// CHECK: sym_name = "kept_odd"
// CHECK-NOT: "nn.conv_transpose"
// CHECK-COUNT-4: "nn.conv"{{.*}}group = 2 : i64{{.*}} : (tensor<1x4x3x3xf32>, tensor<2x2x2x2xf32>) -> tensor<1x2x3x3xf32>
// CHECK: sym_name = "kept_grouped"

// A batch normalization and a ReLU after the transposed convolution act on each element by
// its channel: they go onto each phase, before the interleave (where nn-fold-batchnorm and
// nn-fuse take them into the phase's convolution).
// CHECK-LABEL: ^bb0(%{{.*}}: tensor<1x2x3x5xf32>):
// CHECK-COUNT-4: "nn.conv"{{.*}}-> tensor<1x2x3x5xf32>
// CHECK-COUNT-4: "nn.batch_norm"{{.*}}-> tensor<1x2x3x5xf32>
// CHECK-COUNT-4: "nn.relu"{{.*}}-> tensor<1x2x3x5xf32>
// CHECK-NEXT: "nn.concat"
// CHECK: "nn.transpose"
// CHECK: %[[Y:.*]] = "nn.reshape"
// CHECK-NEXT: "func.return"(%[[Y]])
// CHECK: sym_name = "with_batch_norm_relu"
// CHECK: "nn.conv_transpose"
// CHECK: sym_name = "kept_depthwise"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x3x5x4xf32>):
    %w = "nn.constant"() {value = dense<[[[[0.001, 0.149, -0.137, -0.445], [-0.227, -0.496, 0.030, 0.670], [-0.246, -0.310, 0.245, 0.178], [0.053, -0.465, -0.015, 0.348]], [[-0.672, -0.229, -0.951, -0.645], [-0.921, -0.118, -0.634, 0.136], [0.078, -0.093, -1.258, -0.269], [-0.024, 0.057, -0.765, -0.239]]], [[[-0.489, -0.404, 0.530, -0.404], [-0.016, 0.442, -0.292, -0.056], [0.055, 0.032, -0.613, 0.038], [0.679, -0.774, 0.430, 0.060]], [[-0.321, 1.000, 0.381, -0.600], [0.037, 0.288, -0.094, 0.341], [-0.033, 0.334, 0.719, -0.338], [0.102, -0.232, 0.064, -0.594]]], [[[-0.290, -0.098, 0.449, 0.573], [-0.662, -0.397, 0.323, -0.996], [-0.232, -0.049, 0.629, 0.345], [-0.164, -0.184, -0.125, 0.762]], [[-0.214, -0.152, 0.176, -0.060], [-0.099, -0.557, -0.006, -0.222], [0.583, 0.327, -0.012, 0.334], [-0.170, 0.526, -0.003, 0.292]]]]> : tensor<3x2x4x4xf32>} : () -> tensor<3x2x4x4xf32>
    %b = "nn.constant"() {value = dense<[-0.645, 0.173]> : tensor<2xf32>} : () -> tensor<2xf32>
    %y = "nn.conv_transpose"(%x, %w, %b) {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x5x4xf32>, tensor<3x2x4x4xf32>, tensor<2xf32>) -> tensor<1x2x10x8xf32>
    "func.return"(%y) : (tensor<1x2x10x8xf32>) -> ()
  }) {function_type = (tensor<1x3x5x4xf32>) -> tensor<1x2x10x8xf32>, sym_name = "k4_s2_p1"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<2x3x3x4xf32>):
    %w = "nn.constant"() {value = dense<[[[[-0.844, -1.018], [-0.152, -0.450]], [[0.082, 1.122], [-0.416, -0.312]]], [[[0.103, 0.247], [-0.088, -0.103]], [[0.351, 0.260], [-0.517, -0.040]]], [[[0.018, -0.527], [0.130, -0.429]], [[0.486, 0.096], [0.045, -0.296]]]]> : tensor<3x2x2x2xf32>} : () -> tensor<3x2x2x2xf32>
    %b = "nn.constant"() {value = dense<[-0.059, -0.999]> : tensor<2xf32>} : () -> tensor<2xf32>
    %y = "nn.conv_transpose"(%x, %w, %b) {strides = array<i64: 2, 2>} : (tensor<2x3x3x4xf32>, tensor<3x2x2x2xf32>, tensor<2xf32>) -> tensor<2x2x6x8xf32>
    "func.return"(%y) : (tensor<2x2x6x8xf32>) -> ()
  }) {function_type = (tensor<2x3x3x4xf32>) -> tensor<2x2x6x8xf32>, sym_name = "k2_s2"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<1x2x4x3xf32>):
    %w = "nn.constant"() {value = dense<[[[[-0.566, 0.181, -1.064], [0.423, -0.873, 0.378], [-0.423, 0.389, 0.065]], [[-0.768, 0.625, 0.721], [-0.033, -0.137, -0.080], [-0.488, 0.549, -0.271]], [[-0.026, -0.397, -0.313], [-0.639, 0.629, -0.077], [0.483, 0.007, -0.347]]], [[[-0.163, -0.280, 0.004], [-0.188, -0.150, -0.689], [-0.403, 0.827, -0.336]], [[-0.527, 0.169, 0.704], [-0.727, -0.104, -0.316], [-0.881, 0.367, -0.012]], [[0.036, -0.376, 0.227], [-0.270, -0.071, -0.554], [-0.608, 0.668, -0.254]]]]> : tensor<2x3x3x3xf32>} : () -> tensor<2x3x3x3xf32>
    %y = "nn.conv_transpose"(%x, %w) {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, output_padding = array<i64: 1, 1>} : (tensor<1x2x4x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x8x6xf32>
    "func.return"(%y) : (tensor<1x3x8x6xf32>) -> ()
  }) {function_type = (tensor<1x2x4x3xf32>) -> tensor<1x3x8x6xf32>, sym_name = "k3_s2_p1_out1"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<1x2x4x5xf32>):
    %w = "nn.constant"() {value = dense<[[[[-0.254, 0.315, -0.151], [-0.076, 0.011, 0.588], [0.340, 0.191, -0.282]], [[-0.691, 0.475, 0.483], [-0.070, 0.271, 0.391], [0.416, 0.461, -0.228]], [[0.757, -0.623, 0.431], [0.247, 0.437, 0.940], [0.742, -0.573, -0.844]]], [[[0.408, -0.508, -0.006], [0.420, -0.822, -1.055], [0.130, 0.022, -0.123]], [[0.019, -0.430, -0.757], [-0.083, -0.486, -0.822], [0.253, -0.031, 0.203]], [[-0.495, -0.329, -0.500], [-0.443, 0.098, -0.391], [0.178, 0.170, 1.013]]]]> : tensor<2x3x3x3xf32>} : () -> tensor<2x3x3x3xf32>
    %b = "nn.constant"() {value = dense<[-0.696, 0.444, -0.045]> : tensor<3xf32>} : () -> tensor<3xf32>
    %y = "nn.conv_transpose"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x4x5xf32>, tensor<2x3x3x3xf32>, tensor<3xf32>) -> tensor<1x3x4x5xf32>
    "func.return"(%y) : (tensor<1x3x4x5xf32>) -> ()
  }) {function_type = (tensor<1x2x4x5xf32>) -> tensor<1x3x4x5xf32>, sym_name = "k3_s1_p1"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<1x2x3x4xf32>):
    %w = "nn.constant"() {value = dense<[[[[-0.007, -0.725, -0.230], [0.372, -0.041, 0.041], [-0.145, 0.577, -0.011], [-1.100, -0.346, -0.984]], [[-1.626, -0.265, 0.667], [0.024, -0.586, -0.470], [0.565, 0.079, 0.024], [-0.027, 0.019, 0.403]]], [[[0.276, 0.108, -0.521], [0.256, -0.342, 0.547], [-0.636, -0.069, -0.004], [-0.662, 0.861, 0.730]], [[-0.232, 0.386, 0.189], [-1.307, 0.125, -0.031], [0.042, -0.538, -0.135], [-0.089, 0.594, 0.167]]]]> : tensor<2x2x4x3xf32>} : () -> tensor<2x2x4x3xf32>
    %y = "nn.conv_transpose"(%x, %w) {strides = array<i64: 2, 1>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x3x4xf32>, tensor<2x2x4x3xf32>) -> tensor<1x2x6x4xf32>
    "func.return"(%y) : (tensor<1x2x6x4xf32>) -> ()
  }) {function_type = (tensor<1x2x3x4xf32>) -> tensor<1x2x6x4xf32>, sym_name = "k4_s21"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<1x2x3x3xf32>):
    %w = "nn.constant"() {value = dense<[[[[-0.278, -0.195, -0.908], [0.785, 0.482, 0.458], [0.334, 0.055, 0.108]], [[-0.126, -0.102, 0.027], [0.756, 0.278, -0.029], [-0.290, -0.317, 0.801]]], [[[0.253, 0.034, -0.173], [-0.555, -0.033, 0.437], [-0.196, -0.114, -0.111]], [[0.055, -0.797, -0.118], [-0.427, 0.442, -0.385], [0.289, 0.762, -0.157]]]]> : tensor<2x2x3x3xf32>} : () -> tensor<2x2x3x3xf32>
    %y = "nn.conv_transpose"(%x, %w) {strides = array<i64: 2, 2>, dilations = array<i64: 2, 2>} : (tensor<1x2x3x3xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x9x9xf32>
    "func.return"(%y) : (tensor<1x2x9x9xf32>) -> ()
  }) {function_type = (tensor<1x2x3x3xf32>) -> tensor<1x2x9x9xf32>, sym_name = "kept_dilated"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<1x2x3x3xf32>):
    %w = "nn.constant"() {value = dense<[[[[-0.001, -0.497, 0.230], [1.008, -0.129, -0.101], [-0.522, 0.160, -0.623]], [[-0.553, 0.640, -0.453], [0.541, 0.762, 0.130], [0.277, 0.976, -0.098]]], [[[-0.297, -0.677, 0.021], [0.740, 0.480, -0.471], [-0.428, -0.252, 0.146]], [[-0.103, 0.107, 0.148], [-0.149, -0.020, 0.103], [-0.042, 0.252, 0.935]]]]> : tensor<2x2x3x3xf32>} : () -> tensor<2x2x3x3xf32>
    %y = "nn.conv_transpose"(%x, %w) {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x3x3xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x5x5xf32>
    "func.return"(%y) : (tensor<1x2x5x5xf32>) -> ()
  }) {function_type = (tensor<1x2x3x3xf32>) -> tensor<1x2x5x5xf32>, sym_name = "kept_odd"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<1x4x3x3xf32>):
    %w = "nn.constant"() {value = dense<[[[[-0.843, 0.194, -0.973, -0.705], [0.427, 0.353, -0.075, -0.855], [-0.186, -0.339, 0.318, 1.129], [0.108, -0.390, -0.585, -0.028]]], [[[-0.088, -0.576, 0.058, -0.575], [0.556, 0.531, 0.542, -0.237], [0.257, -0.066, -0.194, -0.170], [-0.650, -0.722, 0.397, -0.096]]], [[[0.108, 0.501, -0.867, -0.392], [0.088, 0.196, -0.189, 0.515], [0.105, -0.607, -0.465, 0.403], [0.232, -0.950, 0.674, 0.299]]], [[[0.672, -0.192, -0.148, -0.563], [1.268, -0.088, 0.794, -0.324], [0.082, -0.836, -0.191, 0.492], [-0.626, 0.536, 0.169, -0.522]]]]> : tensor<4x1x4x4xf32>} : () -> tensor<4x1x4x4xf32>
    %y = "nn.conv_transpose"(%x, %w) {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, group = 2 : i64} : (tensor<1x4x3x3xf32>, tensor<4x1x4x4xf32>) -> tensor<1x2x6x6xf32>
    "func.return"(%y) : (tensor<1x2x6x6xf32>) -> ()
  }) {function_type = (tensor<1x4x3x3xf32>) -> tensor<1x2x6x6xf32>, sym_name = "kept_grouped"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<1x2x3x5xf32>):
    %w = "nn.constant"() {value = dense<[[[[0.5, -0.25], [0.125, 1.0]], [[-0.75, 0.5], [0.25, -0.5]]], [[[1.5, 0.25], [-0.375, 0.625]], [[0.875, -1.25], [0.0625, 0.3125]]]]> : tensor<2x2x2x2xf32>} : () -> tensor<2x2x2x2xf32>
    %s = "nn.constant"() {value = dense<[1.5, -0.5]> : tensor<2xf32>} : () -> tensor<2xf32>
    %t = "nn.constant"() {value = dense<[0.25, 0.75]> : tensor<2xf32>} : () -> tensor<2xf32>
    %m = "nn.constant"() {value = dense<[0.1, -0.2]> : tensor<2xf32>} : () -> tensor<2xf32>
    %v = "nn.constant"() {value = dense<[0.9, 1.6]> : tensor<2xf32>} : () -> tensor<2xf32>
    %c = "nn.conv_transpose"(%x, %w) {strides = array<i64: 2, 2>} : (tensor<1x2x3x5xf32>, tensor<2x2x2x2xf32>) -> tensor<1x2x6x10xf32>
    %n = "nn.batch_norm"(%c, %s, %t, %m, %v) {epsilon = 1.0e-05 : f32} : (tensor<1x2x6x10xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x6x10xf32>
    %y = "nn.relu"(%n) : (tensor<1x2x6x10xf32>) -> tensor<1x2x6x10xf32>
    "func.return"(%y) : (tensor<1x2x6x10xf32>) -> ()
  }) {function_type = (tensor<1x2x3x5xf32>) -> tensor<1x2x6x10xf32>, sym_name = "with_batch_norm_relu"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<1x3x4x4xf32>):
    %w = "nn.constant"() {value = dense<[[[[0.5, -0.25, 0.125, 1.0], [0.75, 0.5, -0.5, 0.25], [1.5, -1.0, 0.25, 0.5], [0.125, 0.375, -0.625, 0.875]]], [[[1.0, 0.5, 0.25, -0.125], [0.0625, 0.5, 0.75, -1.0], [0.25, 0.25, -0.5, 0.5], [1.25, -0.75, 0.5, 0.25]]], [[[-0.5, 0.25, 0.75, 1.0], [0.5, -0.25, 0.125, 0.375], [0.625, 0.875, -1.0, 0.5], [0.25, 0.125, 0.5, -0.75]]]]> : tensor<3x1x4x4xf32>} : () -> tensor<3x1x4x4xf32>
    %y = "nn.conv_transpose"(%x, %w) {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, group = 3 : i64} : (tensor<1x3x4x4xf32>, tensor<3x1x4x4xf32>) -> tensor<1x3x8x8xf32>
    "func.return"(%y) : (tensor<1x3x8x8xf32>) -> ()
  }) {function_type = (tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32>, sym_name = "kept_depthwise"} : () -> ()
}) : () -> ()
