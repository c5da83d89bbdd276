// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},canonicalize,cse' | FileCheck %s --strict-whitespace --implicit-check-not='"nn.conv'
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file -p 'nn-fuse,convert-nn-to-loops{vector-width=4 vector-registers=8},canonicalize,cse' | FileCheck %s --strict-whitespace --check-prefix=FUSED

// Depthwise convolutions (one input channel per group) are direct kernels: per image and
// output channel, every output is the bias plus its unrolled taps (math.fma with the
// channel's weights, loaded once per plane), stored once. The outputs whose taps all read
// inside the image (rows 1..3, columns 1..4 here) have no bounds checks; the border's taps
// select zero outside.
// EQUIV-NOT: changed the results

// CHECK-LABEL: "func.func"
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[C:.*]]: index):
// CHECK-COUNT-9: "memref.load"(%{{.*}}, %[[C]], %{{.*}}, %{{.*}}, %{{.*}}) : (memref<2x1x3x3xf32>, index, index, index, index) -> f32
// CHECK: "memref.load"(%{{.*}}, %[[C]]) : (memref<2xf32>, index) -> f32
// The border rows and columns check their taps:
// CHECK: "arith.select"
// The interior (the first loop nested three deep) does not:
// CHECK: {{^        }}"scf.for"
// CHECK-NEXT: ^bb0(%{{.*}}: index):
// CHECK-NOT: "arith.select"
// CHECK-COUNT-9: "math.fma"
// CHECK-NOT: "arith.select"
// CHECK: "memref.store"
// CHECK-NEXT: "scf.yield"
// CHECK: sym_name = "depthwise_3x3"
"func.func"() ({
^bb0(%x: tensor<1x2x5x6xf32>, %w: tensor<2x1x3x3xf32>, %b: tensor<2xf32>):
  %0 = "nn.conv"(%x, %w, %b) {group = 2 : i64, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x6xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x2x5x6xf32>
  "func.return"(%0) : (tensor<1x2x5x6xf32>) -> ()
}) {function_type = (tensor<1x2x5x6xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x2x5x6xf32>, sym_name = "depthwise_3x3"} : () -> ()
// EQUIV: sym_name = "depthwise_3x3"

// -----

// Stride 2, a channel multiplier of 2 (output channel c reads input channel c / 2), dilation
// and uneven padding.
// CHECK-LABEL: "func.func"
// CHECK: {{"arith.divui"|"arith.shrui"}}
// CHECK: sym_name = "depthwise_strided"
"func.func"() ({
^bb0(%x: tensor<2x3x8x9xf32>, %w: tensor<6x1x3x2xf32>):
  %0 = "nn.conv"(%x, %w) {group = 3 : i64, strides = array<i64: 2, 2>, dilations = array<i64: 1, 2>, pads = array<i64: 1, 0, 0, 2>} : (tensor<2x3x8x9xf32>, tensor<6x1x3x2xf32>) -> tensor<2x6x4x5xf32>
  "func.return"(%0) : (tensor<2x6x4x5xf32>) -> ()
}) {function_type = (tensor<2x3x8x9xf32>, tensor<6x1x3x2xf32>) -> tensor<2x6x4x5xf32>, sym_name = "depthwise_strided"} : () -> ()
// EQUIV: sym_name = "depthwise_strided"

// -----

// A kernel as large as the padded image: no output is in the interior, all are checked.
// CHECK-LABEL: "func.func"
// CHECK-NOT: {{^        }}"scf.for"
// CHECK: sym_name = "depthwise_no_interior"
"func.func"() ({
^bb0(%x: tensor<1x2x3x3xf32>, %w: tensor<2x1x5x5xf32>):
  %0 = "nn.conv"(%x, %w) {group = 2 : i64, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x3x3xf32>, tensor<2x1x5x5xf32>) -> tensor<1x2x1x1xf32>
  "func.return"(%0) : (tensor<1x2x1x1xf32>) -> ()
}) {function_type = (tensor<1x2x3x3xf32>, tensor<2x1x5x5xf32>) -> tensor<1x2x1x1xf32>, sym_name = "depthwise_no_interior"} : () -> ()
// EQUIV: sym_name = "depthwise_no_interior"

// -----

// Fused with the clip after it (ReLU6, as in MobileNet-v2) and a residual add: both apply to
// each output before its store, one store per output.
// FUSED-LABEL: sym_name = "depthwise_no_interior"
// FUSED: {{^        }}"scf.for"
// FUSED-COUNT-9: "math.fma"
// FUSED: "memref.load"
// FUSED-NEXT: "arith.addf"
// FUSED: "arith.maxf"
// FUSED: "arith.minf"
// FUSED-NEXT: "memref.store"
// FUSED-NEXT: "scf.yield"
// FUSED: sym_name = "depthwise_fused"
"func.func"() ({
^bb0(%x: tensor<1x4x6x6xf32>, %w: tensor<4x1x3x3xf32>, %r: tensor<1x4x6x6xf32>):
  %0 = "nn.conv"(%x, %w) {group = 4 : i64, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x4x6x6xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32>
  %1 = "nn.add"(%0, %r) : (tensor<1x4x6x6xf32>, tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  %2 = "nn.clip"(%1) {min = 0.0 : f32, max = 6.0 : f32} : (tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  "func.return"(%2) : (tensor<1x4x6x6xf32>) -> ()
}) {function_type = (tensor<1x4x6x6xf32>, tensor<4x1x3x3xf32>, tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>, sym_name = "depthwise_fused"} : () -> ()
// EQUIV: sym_name = "depthwise_fused"
