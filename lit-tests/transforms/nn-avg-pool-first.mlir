// RUN: %sol-opt --load-dialect nn %s --split-input-file --nn-avg-pool-first | FileCheck %s
// RUN: %sol-opt --load-dialect nn %s --split-input-file --nn-avg-pool-first --check-equivalence 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt --load-dialect nn %s --split-input-file --pipeline=cpu --check-equivalence 2>&1 | FileCheck %s --check-prefix=EQUIV

// DenseNet's transition: a 1x1 convolution, then a 2x2 average pool at stride 2. The pool
// moves in front, on the convolution's input (8 channels), and the convolution runs on the
// pooled 4x4 pixels with the same weights.
// CHECK-LABEL: "func.func"
// CHECK: %[[P:.*]] = "nn.avg_pool"(%arg0) {{{.*}}kernel_shape = array<i64: 2, 2>{{.*}}strides = array<i64: 2, 2>} : (tensor<1x8x8x8xf32>) -> tensor<1x8x4x4xf32>
// CHECK: %[[C:.*]] = "nn.conv"(%[[P]], %arg1) {{.*}} : (tensor<1x8x4x4xf32>, tensor<4x8x1x1xf32>) -> tensor<1x4x4x4xf32>
// CHECK: "func.return"(%[[C]])
// CHECK: sym_name = "transition"
"func.func"() ({
^bb0(%x: tensor<1x8x8x8xf32>, %w: tensor<4x8x1x1xf32>):
  %c = "nn.conv"(%x, %w) : (tensor<1x8x8x8xf32>, tensor<4x8x1x1xf32>) -> tensor<1x4x8x8xf32>
  %p = "nn.avg_pool"(%c) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
  "func.return"(%p) : (tensor<1x4x4x4xf32>) -> ()
}) {function_type = (tensor<1x8x8x8xf32>, tensor<4x8x1x1xf32>) -> tensor<1x4x4x4xf32>, sym_name = "transition"} : () -> ()

// -----

// The bias goes along (the window's weights sum to one); overlapping windows at stride 1, two
// images and grouped weights commute the same way.
// CHECK-LABEL: "func.func"
// CHECK: %[[P:.*]] = "nn.avg_pool"(%arg0) {{.*}} : (tensor<2x6x7x7xf32>) -> tensor<2x6x5x5xf32>
// CHECK: %[[C:.*]] = "nn.conv"(%[[P]], %arg1, %arg2) {{{.*}}group = 2 : i64{{.*}}} : (tensor<2x6x5x5xf32>, tensor<4x3x1x1xf32>, tensor<4xf32>) -> tensor<2x4x5x5xf32>
// CHECK: "func.return"(%[[C]])
// CHECK: sym_name = "bias_groups"
"func.func"() ({
^bb0(%x: tensor<2x6x7x7xf32>, %w: tensor<4x3x1x1xf32>, %b: tensor<4xf32>):
  %c = "nn.conv"(%x, %w, %b) {group = 2 : i64} : (tensor<2x6x7x7xf32>, tensor<4x3x1x1xf32>, tensor<4xf32>) -> tensor<2x4x7x7xf32>
  %p = "nn.avg_pool"(%c) {kernel_shape = array<i64: 3, 3>} : (tensor<2x4x7x7xf32>) -> tensor<2x4x5x5xf32>
  "func.return"(%p) : (tensor<2x4x5x5xf32>) -> ()
}) {function_type = (tensor<2x6x7x7xf32>, tensor<4x3x1x1xf32>, tensor<4xf32>) -> tensor<2x4x5x5xf32>, sym_name = "bias_groups"} : () -> ()

// -----

// Left as they are: a pool with padding that it counts (its border windows average the bias
// with zeros), one in ceil mode, one that does not shrink the image, a 3x3 convolution, a
// ReLU between the two, and a convolution whose result has another user.
// CHECK-LABEL: "func.func"
// CHECK-NOT: "nn.avg_pool"(%arg0)
// CHECK: sym_name = "kept"
"func.func"() ({
^bb0(%x: tensor<1x4x6x6xf32>, %w: tensor<4x4x1x1xf32>, %b: tensor<4xf32>, %w3: tensor<4x4x3x3xf32>):
  %c1 = "nn.conv"(%x, %w, %b) : (tensor<1x4x6x6xf32>, tensor<4x4x1x1xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
  %p1 = "nn.avg_pool"(%c1) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, count_include_pad = 1 : i64} : (tensor<1x4x6x6xf32>) -> tensor<1x4x4x4xf32>
  %c2 = "nn.conv"(%x, %w, %b) : (tensor<1x4x6x6xf32>, tensor<4x4x1x1xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
  %p2 = "nn.avg_pool"(%c2) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = 1 : i64} : (tensor<1x4x6x6xf32>) -> tensor<1x4x3x3xf32>
  %c3 = "nn.conv"(%x, %w, %b) : (tensor<1x4x6x6xf32>, tensor<4x4x1x1xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
  %p3 = "nn.avg_pool"(%c3) {kernel_shape = array<i64: 1, 1>} : (tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  %c4 = "nn.conv"(%x, %w3, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x4x6x6xf32>, tensor<4x4x3x3xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
  %p4 = "nn.avg_pool"(%c4) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x4x6x6xf32>) -> tensor<1x4x3x3xf32>
  %c5 = "nn.conv"(%x, %w, %b) : (tensor<1x4x6x6xf32>, tensor<4x4x1x1xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
  %r5 = "nn.relu"(%c5) : (tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  %p5 = "nn.avg_pool"(%r5) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x4x6x6xf32>) -> tensor<1x4x3x3xf32>
  %c6 = "nn.conv"(%x, %w, %b) : (tensor<1x4x6x6xf32>, tensor<4x4x1x1xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
  %p6 = "nn.avg_pool"(%c6) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x4x6x6xf32>) -> tensor<1x4x3x3xf32>
  "func.return"(%p1, %p2, %p3, %p4, %p5, %p6, %c6) : (tensor<1x4x4x4xf32>, tensor<1x4x3x3xf32>, tensor<1x4x6x6xf32>, tensor<1x4x3x3xf32>, tensor<1x4x3x3xf32>, tensor<1x4x3x3xf32>, tensor<1x4x6x6xf32>) -> ()
}) {function_type = (tensor<1x4x6x6xf32>, tensor<4x4x1x1xf32>, tensor<4xf32>, tensor<4x4x3x3xf32>) -> (tensor<1x4x4x4xf32>, tensor<1x4x3x3xf32>, tensor<1x4x6x6xf32>, tensor<1x4x3x3xf32>, tensor<1x4x3x3xf32>, tensor<1x4x3x3xf32>, tensor<1x4x6x6xf32>), sym_name = "kept"} : () -> ()

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "transition"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "bias_groups"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "kept"
// EQUIV-NOT: changed the results
