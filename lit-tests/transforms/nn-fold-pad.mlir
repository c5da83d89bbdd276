// RUN: %sol-opt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %sol-opt %s --split-input-file --canonicalize --check-equivalence 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --pipeline=cpu --check-equivalence 2>&1 | FileCheck %s --check-prefix=EQUIV

// Keras' ZeroPadding2D before a stride-2 convolution: the zeros go into the convolution's own
// padding, added to what it had (asymmetric, as TensorFlow's SAME padding is), and the pad,
// now unused, goes away.
// CHECK-LABEL: "func.func"
// CHECK-NOT: "nn.pad"
// CHECK: "nn.conv"(%arg0, %arg1, %arg2) {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x3x9x9xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x5x5xf32>
// CHECK: sym_name = "zero_padding"
"func.func"() ({
^bb0(%x: tensor<1x3x9x9xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>):
  %p = "nn.pad"(%x) {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : (tensor<1x3x9x9xf32>) -> tensor<1x3x11x11xf32>
  %c = "nn.conv"(%p, %w, %b) {strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 1, 1>} : (tensor<1x3x11x11xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x5x5xf32>
  "func.return"(%c) : (tensor<1x4x5x5xf32>) -> ()
}) {function_type = (tensor<1x3x9x9xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x5x5xf32>, sym_name = "zero_padding"} : () -> ()

// -----

// Left as they are: a pad of ones, a reflecting pad, one of the channels, a crop, padding that
// would leave a window of only padding (3 on a side of a 3 x 3 kernel), and the padded tensor
// still returned beside a folded convolution keeps its pad.
// CHECK-LABEL: "func.func"
// CHECK-COUNT-5: "nn.conv"(%{{[0-9]+}}, %arg{{[12]}})
// CHECK: %[[P:.*]] = "nn.pad"(%arg0) {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>}
// CHECK: "nn.conv"(%arg0, %arg1) {{{.*}}pads = array<i64: 1, 1, 1, 1>
// CHECK: "func.return"({{.*}}%[[P]])
// CHECK: sym_name = "kept"
"func.func"() ({
^bb0(%x: tensor<1x2x6x6xf32>, %w: tensor<2x2x3x3xf32>, %w4: tensor<2x4x3x3xf32>):
  %p1 = "nn.pad"(%x) {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, value = 1.0 : f64} : (tensor<1x2x6x6xf32>) -> tensor<1x2x8x8xf32>
  %c1 = "nn.conv"(%p1, %w) : (tensor<1x2x8x8xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x6x6xf32>
  %p2 = "nn.pad"(%x) {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, mode = "reflect"} : (tensor<1x2x6x6xf32>) -> tensor<1x2x8x8xf32>
  %c2 = "nn.conv"(%p2, %w) : (tensor<1x2x8x8xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x6x6xf32>
  %p3 = "nn.pad"(%x) {pads = array<i64: 0, 1, 1, 1, 0, 1, 1, 1>} : (tensor<1x2x6x6xf32>) -> tensor<1x4x8x8xf32>
  %c3 = "nn.conv"(%p3, %w4) : (tensor<1x4x8x8xf32>, tensor<2x4x3x3xf32>) -> tensor<1x2x6x6xf32>
  %p4 = "nn.pad"(%x) {pads = array<i64: 0, 0, -1, 0, 0, 0, 1, 0>} : (tensor<1x2x6x6xf32>) -> tensor<1x2x6x6xf32>
  %c4 = "nn.conv"(%p4, %w) : (tensor<1x2x6x6xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x4x4xf32>
  %p5 = "nn.pad"(%x) {pads = array<i64: 0, 0, 3, 0, 0, 0, 0, 0>} : (tensor<1x2x6x6xf32>) -> tensor<1x2x9x6xf32>
  %c5 = "nn.conv"(%p5, %w) : (tensor<1x2x9x6xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x7x4xf32>
  %p6 = "nn.pad"(%x) {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : (tensor<1x2x6x6xf32>) -> tensor<1x2x8x8xf32>
  %c6 = "nn.conv"(%p6, %w) : (tensor<1x2x8x8xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x6x6xf32>
  "func.return"(%c1, %c2, %c3, %c4, %c5, %c6, %p6) : (tensor<1x2x6x6xf32>, tensor<1x2x6x6xf32>, tensor<1x2x6x6xf32>, tensor<1x2x4x4xf32>, tensor<1x2x7x4xf32>, tensor<1x2x6x6xf32>, tensor<1x2x8x8xf32>) -> ()
}) {function_type = (tensor<1x2x6x6xf32>, tensor<2x2x3x3xf32>, tensor<2x4x3x3xf32>) -> (tensor<1x2x6x6xf32>, tensor<1x2x6x6xf32>, tensor<1x2x6x6xf32>, tensor<1x2x4x4xf32>, tensor<1x2x7x4xf32>, tensor<1x2x6x6xf32>, tensor<1x2x8x8xf32>), sym_name = "kept"} : () -> ()

// -----

// Keras' ResNet stem: ZeroPadding2D between the ReLU and the 3 x 3 pool. Zeros never win a
// window of ReLU (or ReLU6) outputs, so the pool takes the padding as its own (minus infinity);
// so does a pad of minus infinity on any input. A pad of zeros on an input that may be negative
// (a clip from -1, the input itself), a pad of the channels, and one into a pool in ceil mode
// stay.
// CHECK-LABEL: "func.func"
// CHECK: %[[R:.*]] = "nn.relu"(%arg0)
// CHECK-NEXT: "nn.max_pool"(%[[R]]) {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x2x8x8xf32>) -> tensor<1x2x4x4xf32>
// CHECK-NEXT: "nn.max_pool"(%arg0) {kernel_shape = array<i64: 2, 2>, pads = array<i64: 1, 0, 1, 0>} : (tensor<1x2x8x8xf32>) -> tensor<1x2x9x7xf32>
// CHECK-NEXT: %[[R6:.*]] = "nn.clip"(%arg0)
// CHECK-NEXT: "nn.max_pool"(%[[R6]]) {kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x2x8x8xf32>) -> tensor<1x2x4x4xf32>
// CHECK-NEXT: %[[C1:.*]] = "nn.clip"(%arg0)
// CHECK-NEXT: %[[P6:.*]] = "nn.pad"(%[[C1]])
// CHECK-NEXT: "nn.max_pool"(%[[P6]])
// CHECK-NEXT: %[[P3:.*]] = "nn.pad"(%arg0)
// CHECK-NEXT: "nn.max_pool"(%[[P3]])
// CHECK-NEXT: %[[P4:.*]] = "nn.pad"(%[[R]])
// CHECK-NEXT: "nn.max_pool"(%[[P4]])
// CHECK-NEXT: %[[P5:.*]] = "nn.pad"(%[[R]])
// CHECK-NEXT: "nn.max_pool"(%[[P5]])
// CHECK: sym_name = "max_pools"
"func.func"() ({
^bb0(%x: tensor<1x2x8x8xf32>):
  %r = "nn.relu"(%x) : (tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
  %p1 = "nn.pad"(%r) {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : (tensor<1x2x8x8xf32>) -> tensor<1x2x10x10xf32>
  %m1 = "nn.max_pool"(%p1) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>} : (tensor<1x2x10x10xf32>) -> tensor<1x2x4x4xf32>
  %p2 = "nn.pad"(%x) {pads = array<i64: 0, 0, 1, 0, 0, 0, 1, 0>, value = 0xFFF0000000000000 : f64} : (tensor<1x2x8x8xf32>) -> tensor<1x2x10x8xf32>
  %m2 = "nn.max_pool"(%p2) {kernel_shape = array<i64: 2, 2>} : (tensor<1x2x10x8xf32>) -> tensor<1x2x9x7xf32>
  %r6 = "nn.clip"(%x) {min = 0.0 : f64, max = 6.0 : f64} : (tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
  %p6 = "nn.pad"(%r6) {pads = array<i64: 0, 0, 0, 0, 0, 0, 1, 1>} : (tensor<1x2x8x8xf32>) -> tensor<1x2x9x9xf32>
  %m6 = "nn.max_pool"(%p6) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x2x9x9xf32>) -> tensor<1x2x4x4xf32>
  %c7 = "nn.clip"(%x) {min = -1.0 : f64, max = 6.0 : f64} : (tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
  %p7 = "nn.pad"(%c7) {pads = array<i64: 0, 0, 0, 0, 0, 0, 1, 1>} : (tensor<1x2x8x8xf32>) -> tensor<1x2x9x9xf32>
  %m7 = "nn.max_pool"(%p7) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x2x9x9xf32>) -> tensor<1x2x4x4xf32>
  %p3 = "nn.pad"(%x) {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : (tensor<1x2x8x8xf32>) -> tensor<1x2x10x10xf32>
  %m3 = "nn.max_pool"(%p3) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>} : (tensor<1x2x10x10xf32>) -> tensor<1x2x4x4xf32>
  %p4 = "nn.pad"(%r) {pads = array<i64: 0, 1, 0, 0, 0, 0, 0, 0>} : (tensor<1x2x8x8xf32>) -> tensor<1x3x8x8xf32>
  %m4 = "nn.max_pool"(%p4) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  %p5 = "nn.pad"(%r) {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : (tensor<1x2x8x8xf32>) -> tensor<1x2x10x10xf32>
  %m5 = "nn.max_pool"(%p5) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, ceil_mode = 1 : i64} : (tensor<1x2x10x10xf32>) -> tensor<1x2x5x5xf32>
  "func.return"(%m1, %m2, %m6, %m7, %m3, %m4, %m5) : (tensor<1x2x4x4xf32>, tensor<1x2x9x7xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x2x5x5xf32>) -> ()
}) {function_type = (tensor<1x2x8x8xf32>) -> (tensor<1x2x4x4xf32>, tensor<1x2x9x7xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x2x5x5xf32>), sym_name = "max_pools"} : () -> ()

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "zero_padding"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "kept"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "max_pools"
// EQUIV-NOT: changed the results
