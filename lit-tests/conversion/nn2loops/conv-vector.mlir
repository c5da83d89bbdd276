// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},canonicalize,cse' | FileCheck %s --implicit-check-not='"nn.conv'
// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 l2-cache=1024 l3-cache=2048},canonicalize,cse' | FileCheck %s --check-prefix=BLOCKS
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 l2-cache=1024 l3-cache=2048},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_1x1"
// EQUIV: sym_name = "conv_3x3_padded"
// EQUIV: sym_name = "conv_strided_dilated"
// EQUIV: sym_name = "conv_grouped"
// EQUIV: sym_name = "conv_row_blocks"

// A 1 x 1 convolution with stride 1: out[image] (5 x 30) = W (5 x 2) x[image] (2 x 30). The
// weights are packed as A; the micro-kernel reads the image's rows (its planes) as B directly,
// and the last panel of columns with masked reads.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x2x5x6xf32>, %[[W:.*]]: tensor<5x2x1x1xf32>):
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[WM:.*]] = "bufferization.to_memref"(%[[W]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x5x5x6xf32>
// CHECK: %[[PA:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x2x5xf32>
// CHECK: %[[W2:.*]] = "memref.collapse_shape"(%[[WM]]) {reassociation = {{\[\[}}0], [1, 2, 3]]} : (memref<5x2x1x1xf32>) -> memref<5x2xf32>
// CHECK: "memref.store"(%{{.*}}, %[[PA]], %{{.*}}, %{{.*}}, %{{.*}})
// CHECK: %[[IMAGES:.*]] = "memref.collapse_shape"(%[[XM]]) {reassociation = {{\[\[}}0], [1], [2, 3]]} : (memref<2x2x5x6xf32>) -> memref<2x2x30xf32>
// CHECK: %[[PLANES:.*]] = "memref.collapse_shape"(%[[OUT]]) {reassociation = {{\[\[}}0], [1], [2, 3]]} : (memref<2x5x5x6xf32>) -> memref<2x5x30xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[IMAGE:.*]]: index):
// CHECK: %[[ACC:.*]]:5 = "scf.for"
// CHECK: "vector.load"(%[[IMAGES]], %[[IMAGE]], %{{.*}}, %{{.*}}) : (memref<2x2x30xf32>, index, index, index) -> vector<4xf32>
// CHECK-COUNT-5: "vector.fma"
// CHECK: "vector.store"(%[[ACC]]#0, %[[PLANES]], %[[IMAGE]], %{{.*}}, %{{.*}}) : (vector<4xf32>, memref<2x5x30xf32>, index, index, index) -> ()
// CHECK: "vector.transfer_read"(%[[IMAGES]], %[[IMAGE]], %{{.*}}, %{{.*}}, %{{.*}}) {in_bounds = [false]
// CHECK: "vector.transfer_write"
// CHECK: sym_name = "conv_1x1"
"func.func"() ({
^bb0(%x: tensor<2x2x5x6xf32>, %w: tensor<5x2x1x1xf32>):
  %0 = "nn.conv"(%x, %w) : (tensor<2x2x5x6xf32>, tensor<5x2x1x1xf32>) -> tensor<2x5x5x6xf32>
  "func.return"(%0) : (tensor<2x5x5x6xf32>) -> ()
}) {function_type = (tensor<2x2x5x6xf32>, tensor<5x2x1x1xf32>) -> tensor<2x5x5x6xf32>, sym_name = "conv_1x1"} : () -> ()

// 3 x 3, padded by 1, with bias, stride 1: no column matrix. The image is copied into a
// zero-padded buffer (3 channels of 6 x 6, flat), and row k = (c, i, j) of B is that buffer read
// from c * 36 + i * 6 + j on (an implicit im2col): column q = y * 6 + x of the product is output
// (y, x), so the product has (4 - 1) * 6 + 4 = 22 columns, of which x >= 4 are dropped. The
// weights are an argument here, so they are packed at run time; the tiles start from
// bias[output channel]. The valid columns are then copied out, a vector at a time.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x3x4x4xf32>, %[[W:.*]]: tensor<7x3x3x3xf32>, %[[B:.*]]: tensor<7xf32>):
// CHECK-DAG: %[[C9:.*]] = "arith.constant"() {value = 9 : index}
// CHECK-DAG: %[[C36:.*]] = "arith.constant"() {value = 36 : index}
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x7x4x4xf32>
// CHECK: %[[PA:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x27x6xf32>
// CHECK: %[[PADDED:.*]] = "memref.alloc"() {{.*}} : () -> memref<108xf32>
// CHECK: %[[PRODUCT:.*]] = "memref.alloc"() {{.*}} : () -> memref<7x22xf32>
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (memref<1x3x4x4xf32>, index, index, index, index) -> f32
// CHECK: "memref.store"(%[[V]], %[[PADDED]], %{{.*}}) : (f32, memref<108xf32>, index) -> ()
// CHECK: %[[BIAS:.*]] = "memref.load"(%[[BM]], %{{.*}}) : (memref<7xf32>, index) -> f32
// CHECK-NEXT: "vector.broadcast"(%[[BIAS]]) : (f32) -> vector<4xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[K:.*]]: index, %{{.*}}: vector<4xf32>
// CHECK-NEXT: %[[CHANNEL:.*]] = "arith.divui"(%[[K]], %[[C9]])
// CHECK-NEXT: %[[TAP:.*]] = "arith.remui"(%[[K]], %[[C9]])
// CHECK-NEXT: "arith.muli"(%[[CHANNEL]], %[[C36]])
// CHECK: "vector.load"(%[[PADDED]], %{{.*}}) : (memref<108xf32>, index) -> vector<4xf32>
// CHECK: "memref.load"(%[[PA]]
// CHECK: "vector.fma"
// CHECK: "vector.store"(%{{.*}}, %[[PRODUCT]], %{{.*}}, %{{.*}}) : (vector<4xf32>, memref<7x22xf32>, index, index) -> ()
// CHECK: %[[ROW:.*]] = "vector.load"(%[[PRODUCT]], %{{.*}}, %{{.*}}) : (memref<7x22xf32>, index, index) -> vector<4xf32>
// CHECK-NEXT: "vector.store"(%[[ROW]], %[[OUT]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (vector<4xf32>, memref<1x7x4x4xf32>, index, index, index, index) -> ()
// CHECK: sym_name = "conv_3x3_padded"
"func.func"() ({
^bb0(%x: tensor<1x3x4x4xf32>, %w: tensor<7x3x3x3xf32>, %b: tensor<7xf32>):
  %0 = "nn.conv"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x4x4xf32>, tensor<7x3x3x3xf32>, tensor<7xf32>) -> tensor<1x7x4x4xf32>
  "func.return"(%0) : (tensor<1x7x4x4xf32>) -> ()
}) {function_type = (tensor<1x3x4x4xf32>, tensor<7x3x3x3xf32>, tensor<7xf32>) -> tensor<1x7x4x4xf32>, sym_name = "conv_3x3_padded"} : () -> ()

// Strides, dilations and uneven padding go through the column matrix too. Constant weights
// are packed at compile time: panels of 3 output channels (the tile is as high as the 3
// channels), each with the 8 taps of a channel next to each other.
// CHECK-LABEL: "memref.global"
// CHECK-SAME: initial_value = dense<{{\[\[\[}}1.000000e+00, 9.000000e+00, 1.700000e+01], [2.000000e+00, 1.000000e+01, 1.800000e+01]
// CHECK-SAME: tensor<1x8x3xf32>
// CHECK-LABEL: "func.func"
// CHECK: "memref.get_global"() {{.*}} : () -> memref<1x8x3xf32>
// CHECK: "memref.alloc"() {{.*}} : () -> memref<8x15xf32>
// CHECK: "vector.fma"
// CHECK: sym_name = "conv_strided_dilated"
"func.func"() ({
^bb0(%x: tensor<1x2x7x9xf32>):
  %w = "nn.constant"() {value = dense<[[[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]], [[[9.0, 10.0], [11.0, 12.0]], [[13.0, 14.0], [15.0, 16.0]]], [[[17.0, 18.0], [19.0, 20.0]], [[21.0, 22.0], [23.0, 24.0]]]]> : tensor<3x2x2x2xf32>} : () -> tensor<3x2x2x2xf32>
  %0 = "nn.conv"(%x, %w) {strides = array<i64: 2, 2>, dilations = array<i64: 2, 1>, pads = array<i64: 0, 1, 1, 0>} : (tensor<1x2x7x9xf32>, tensor<3x2x2x2xf32>) -> tensor<1x3x3x5xf32>
  "func.return"(%0) : (tensor<1x3x3x5xf32>) -> ()
}) {function_type = (tensor<1x2x7x9xf32>) -> tensor<1x3x3x5xf32>, sym_name = "conv_strided_dilated"} : () -> ()

// More than one group: a loop over the groups, each a product on views of its channels
// (conv-grouped.mlir checks the views).
// CHECK-LABEL: "func.func"
// CHECK: "scf.for"
// CHECK: "memref.subview"
// CHECK: "vector.fma"
// CHECK: sym_name = "conv_grouped"
"func.func"() ({
^bb0(%x: tensor<1x4x3x3xf32>, %w: tensor<4x2x1x1xf32>):
  %0 = "nn.conv"(%x, %w) {group = 2 : i64} : (tensor<1x4x3x3xf32>, tensor<4x2x1x1xf32>) -> tensor<1x4x3x3xf32>
  "func.return"(%0) : (tensor<1x4x3x3xf32>) -> ()
}) {function_type = (tensor<1x4x3x3xf32>, tensor<4x2x1x1xf32>) -> tensor<1x4x3x3xf32>, sym_name = "conv_grouped"} : () -> ()

// Strided convolutions build the column matrix for blocks of output rows that fit in L2 (with
// l2-cache=1024 in the last equivalence run: 1024 / (4 bytes * 18 rows of k * 5 columns) = 2
// output rows), then the remaining row: blocks in a loop, and a last block of its own size.
// CHECK-LABEL: sym_name = "conv_row_blocks"
// BLOCKS-LABEL: sym_name = "conv_grouped"
// BLOCKS-DAG: %[[C0:.*]] = "arith.constant"() {value = 0 : index}
// BLOCKS-DAG: %[[C2:.*]] = "arith.constant"() {value = 2 : index}
// BLOCKS-DAG: %[[C4:.*]] = "arith.constant"() {value = 4 : index}
// BLOCKS: %[[COLS:.*]] = "memref.alloc"() {{.*}} : () -> memref<18x10xf32>
// BLOCKS: "scf.for"(%[[C0]], %[[C4]], %[[C2]]) ({
// BLOCKS-NEXT: ^bb0(%[[Y0:.*]]: index):
// BLOCKS: "memref.store"(%{{.*}}, %[[COLS]], %{{.*}}, %{{.*}})
// BLOCKS: "vector.fma"
// BLOCKS: "vector.store"
// BLOCKS: "scf.yield"
// BLOCKS: "memref.store"(%{{.*}}, %[[COLS]], %{{.*}}, %{{.*}})
// BLOCKS: "vector.fma"
// BLOCKS: sym_name = "conv_row_blocks"
"func.func"() ({
^bb0(%x: tensor<1x2x9x9xf32>, %w: tensor<3x2x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x9x9xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x5x5xf32>
  "func.return"(%0) : (tensor<1x3x5x5xf32>) -> ()
}) {function_type = (tensor<1x2x9x9xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x5x5xf32>, sym_name = "conv_row_blocks"} : () -> ()
