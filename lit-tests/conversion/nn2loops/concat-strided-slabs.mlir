// RUN: %sol-opt %s -p 'nn-fuse,convert-nn-to-loops{vector-width=16 vector-registers=32},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=16 vector-registers=32},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=4 vector-registers=8},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'nn-fuse,convert-nn-to-loops,bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// At batch 2 a slab of a concat along channels is not contiguous: each image's channels lie
// 27 x 5 x 5 elements after the last image's. The fused convolutions (conv + relu), which
// index their result as [image, channel, pixel], still write their slabs in place, through a
// memref.subview of the concat's whole buffer (channels 0-15, then 19-26: strides 675, 25, 5,
// 1 and offset 19 x 25 = 475), and the concat copies only the argument %z, into channels
// 16-18 (cse leaves one view of the whole buffer for all three). Without vector kernels (the last run) the groups are unpacked and nothing is placed.
// CHECK-LABEL: "func.func"
// CHECK: %[[BYTES:.*]] = "memref.alloc"() {{.*}} : () -> memref<5400xi8>
// CHECK: %[[WHOLE0:.*]] = "memref.view"(%[[BYTES]], %{{.*}}) : (memref<5400xi8>, index) -> memref<2x27x5x5xf32>
// CHECK: %[[SLAB0:.*]] = "memref.subview"(%[[WHOLE0]]) {{{.*}}static_offsets = array<i64: 0, 0, 0, 0>, static_sizes = array<i64: 2, 16, 5, 5>{{.*}}} : (memref<2x27x5x5xf32>) -> memref<2x16x5x5xf32, strided<[675, 25, 5, 1]>>
// CHECK: %[[PLANES0:.*]] = "memref.collapse_shape"(%[[SLAB0]]) {{.*}} -> memref<2x16x25xf32, strided<[675, 25, 1]>>
// CHECK: "vector.store"(%{{.*}}, %[[PLANES0]], {{.*}}) : (vector<16xf32>, memref<2x16x25xf32, strided<[675, 25, 1]>>, index, index, index) -> ()
// CHECK: %[[SLAB1:.*]] = "memref.subview"(%[[WHOLE0]]) {{{.*}}static_offsets = array<i64: 0, 19, 0, 0>, static_sizes = array<i64: 2, 8, 5, 5>{{.*}}} : (memref<2x27x5x5xf32>) -> memref<2x8x5x5xf32, strided<[675, 25, 5, 1], offset: 475>>
// CHECK: %[[PLANES1:.*]] = "memref.collapse_shape"(%[[SLAB1]]) {{.*}} -> memref<2x8x25xf32, strided<[675, 25, 1], offset: 475>>
// CHECK: "vector.store"(%{{.*}}, %[[PLANES1]], {{.*}}) : (vector<16xf32>, memref<2x8x25xf32, strided<[675, 25, 1], offset: 475>>, index, index, index) -> ()
// CHECK: %[[Z:.*]] = "bufferization.to_memref"(%arg1)
// CHECK: %[[V:.*]] = "memref.load"(%[[Z]],
// CHECK-NEXT: "memref.store"(%[[V]], %[[WHOLE0]],
// CHECK-NOT: "memref.store"({{.*}}, %[[WHOLE0]],
// CHECK: "bufferization.to_tensor"(%[[WHOLE0]]) : (memref<2x27x5x5xf32>) -> tensor<2x27x5x5xf32>
// CHECK: sym_name = "concat_strided_slabs"

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "concat_strided_slabs"
// EQUIV-NOT: changed the results
"func.func"() ({
^bb0(%x: tensor<2x4x5x5xf32>, %z: tensor<2x3x5x5xf32>):
  %wa = "nn.constant"() {value = dense<[[[[-0.35]], [[-0.70]], [[0.30]], [[-0.86]]], [[[0.07]], [[-0.27]], [[-0.88]], [[0.01]]], [[[-0.93]], [[-0.13]], [[-0.86]], [[-0.82]]], [[[-0.15]], [[0.65]], [[-0.75]], [[-0.55]]], [[[0.25]], [[0.90]], [[0.15]], [[-0.21]]], [[[0.95]], [[-0.91]], [[0.72]], [[-0.42]]], [[[-0.71]], [[-0.76]], [[-0.38]], [[0.63]]], [[[-0.64]], [[0.16]], [[0.28]], [[-0.26]]], [[[0.10]], [[-0.87]], [[-0.88]], [[-0.59]]], [[[0.36]], [[-0.14]], [[-0.37]], [[0.17]]], [[[-0.09]], [[-0.40]], [[0.59]], [[0.40]]], [[[-0.51]], [[0.15]], [[0.05]], [[0.75]]], [[[0.46]], [[-0.42]], [[0.96]], [[-0.76]]], [[[-0.16]], [[0.51]], [[-0.70]], [[-0.02]]], [[[-0.92]], [[0.34]], [[0.53]], [[0.15]]], [[[0.75]], [[-0.37]], [[0.39]], [[0.19]]]]> : tensor<16x4x1x1xf32>} : () -> tensor<16x4x1x1xf32>
  %ba = "nn.constant"() {value = dense<[0.16, -0.09, 0.68, 0.89, -0.05, 0.33, -0.88, 0.40, 0.29, 0.99, 0.64, -0.43, -0.23, 0.34, -0.95, -0.08]> : tensor<16xf32>} : () -> tensor<16xf32>
  %wb = "nn.constant"() {value = dense<[[[[-0.66, -0.77, -0.88], [0.54, -0.74, -0.50], [-0.22, 0.74, -0.84]], [[-0.10, 0.10, 0.77], [0.64, 0.73, -0.44], [-0.17, -0.28, 0.77]], [[0.92, -0.70, -0.65], [-0.54, -0.53, -0.03], [0.18, -0.47, -0.99]], [[-0.16, -0.26, 0.13], [0.91, 0.38, 0.03], [0.24, 0.35, -0.89]]], [[[0.80, 0.56, 0.75], [0.60, -0.22, -0.20], [-0.79, 0.27, -0.88]], [[-0.87, -0.58, -0.68], [-0.32, -0.89, -1.00], [-0.70, -0.80, -0.27]], [[-0.95, 0.75, 0.23], [-0.70, -0.50, -0.31], [-0.27, -0.75, 0.70]], [[0.99, -0.07, -0.03], [-0.83, -0.80, -0.31], [-0.47, 0.66, -0.68]]], [[[-0.95, 0.90, 0.06], [-0.71, 0.09, -0.95], [0.06, 0.96, 0.73]], [[0.39, -0.48, -0.27], [-0.67, 0.54, 0.07], [0.56, -0.34, -0.55]], [[0.62, 0.97, 0.71], [0.61, 0.64, 0.48], [-0.55, 0.04, -0.29]], [[-0.94, -0.94, -0.44], [-0.48, 0.39, 0.91], [-0.11, 0.87, 0.98]]], [[[0.91, -0.27, -0.56], [-0.55, -0.61, -0.59], [0.25, 0.80, 0.68]], [[-0.04, 0.31, 0.60], [-0.83, 0.32, 0.82], [0.56, 0.50, -0.04]], [[-0.64, 0.58, -0.33], [0.60, 0.94, -0.21], [-0.20, 0.89, 0.45]], [[-0.66, -0.75, -0.70], [0.81, 0.61, -0.71], [0.65, 0.96, 0.31]]], [[[-0.30, 0.10, -0.74], [-0.97, 0.94, 0.30], [0.05, 0.87, -0.13]], [[0.74, 0.65, -0.58], [-0.50, -0.41, -0.52], [0.17, -0.48, -0.16]], [[-0.74, 0.82, -0.29], [-0.08, 0.17, 0.81], [-0.16, 0.84, 0.00]], [[0.06, 0.05, -0.96], [-0.12, -0.63, -0.99], [0.60, -0.66, -0.05]]], [[[0.45, 0.11, -0.35], [0.04, 0.11, 0.57], [-0.79, 0.12, -0.50]], [[-0.45, 0.54, 0.02], [0.12, 0.52, 0.82], [-0.11, 0.23, 0.01]], [[0.02, 0.39, -0.10], [0.07, -0.04, 0.88], [0.40, 0.75, 0.88]], [[-0.48, 0.12, 0.89], [0.68, -0.73, -0.76], [-0.12, -0.85, -0.52]]], [[[-0.85, 0.34, 0.57], [0.79, -0.69, 0.43], [0.32, -0.71, 0.77]], [[0.94, -0.56, 0.91], [-0.20, -0.03, 0.98], [0.66, -0.68, -0.14]], [[0.03, -0.32, -0.61], [-0.36, 0.44, -0.96], [0.11, -0.12, -0.96]], [[-0.34, 0.25, 0.02], [-0.87, 0.97, 0.58], [0.94, -0.79, -0.47]]], [[[-0.92, 0.56, -0.46], [-0.74, -0.16, 0.82], [0.64, -0.48, -0.70]], [[0.84, 0.14, 0.40], [-0.82, -0.88, 0.38], [-0.15, -0.86, 0.88]], [[0.27, 0.60, -0.83], [0.71, -0.87, 0.73], [-0.09, -0.32, 0.11]], [[0.85, -0.46, -0.74], [0.05, -0.52, -0.78], [-0.68, -0.90, -0.60]]]]> : tensor<8x4x3x3xf32>} : () -> tensor<8x4x3x3xf32>
  %bb = "nn.constant"() {value = dense<[-0.38, -0.39, 0.52, -0.42, 0.00, -0.64, -0.31, -0.96]> : tensor<8xf32>} : () -> tensor<8xf32>
  %0 = "nn.conv"(%x, %wa, %ba) : (tensor<2x4x5x5xf32>, tensor<16x4x1x1xf32>, tensor<16xf32>) -> tensor<2x16x5x5xf32>
  %1 = "nn.relu"(%0) : (tensor<2x16x5x5xf32>) -> tensor<2x16x5x5xf32>
  %2 = "nn.conv"(%x, %wb, %bb) {pads = array<i64: 1, 1, 1, 1>} : (tensor<2x4x5x5xf32>, tensor<8x4x3x3xf32>, tensor<8xf32>) -> tensor<2x8x5x5xf32>
  %3 = "nn.relu"(%2) : (tensor<2x8x5x5xf32>) -> tensor<2x8x5x5xf32>
  %4 = "nn.concat"(%1, %z, %3) {axis = 1 : i64} : (tensor<2x16x5x5xf32>, tensor<2x3x5x5xf32>, tensor<2x8x5x5xf32>) -> tensor<2x27x5x5xf32>
  "func.return"(%4) : (tensor<2x27x5x5xf32>) -> ()
}) {function_type = (tensor<2x4x5x5xf32>, tensor<2x3x5x5xf32>) -> tensor<2x27x5x5xf32>, sym_name = "concat_strided_slabs"} : () -> ()
