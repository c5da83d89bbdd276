// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// With vectors, a 2-D transposed convolution of one group is a matrix product and a scatter:
// cols ((oc, i, j) x pixels: 4 * 3 * 3 = 36 rows, 5 * 6 = 30 columns) = W^T x the image on the
// micro-kernel (the weights 8 x 36 packed as A transposed, the image's channels as B), then
// the result is set to the bias and every element of cols is added to the output it lands on.
// For tap (i, j) the input rows [max(0, ceil((1 - i) / 2)), min(5, ceil((9 + 1 - i) / 2))) and
// columns likewise land inside the 9 x 11 result (floordivsi of the shifted bounds).
// CHECK-LABEL: "func.func"
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} -> memref<1x4x9x11xf32>
// CHECK: %[[PA:.*]] = "memref.alloc"() {{.*}} -> memref<6x8x6xf32>
// CHECK: %[[WT:.*]] = "memref.collapse_shape"(%{{.*}}) {reassociation = {{\[\[}}0], [1, 2, 3]]} : (memref<8x4x3x3xf32>) -> memref<8x36xf32>
// CHECK: "memref.load"(%[[WT]], %{{.*}}, %{{.*}}) : (memref<8x36xf32>, index, index) -> f32
// CHECK: "memref.store"(%{{.*}}, %[[PA]], %{{.*}}, %{{.*}}, %{{.*}}) : (f32, memref<6x8x6xf32>, index, index, index) -> ()
// CHECK: %[[IMG:.*]] = "memref.collapse_shape"(%{{.*}}) {reassociation = {{\[\[}}0], [1], [2, 3]]} : (memref<1x8x5x6xf32>) -> memref<1x8x30xf32>
// CHECK: %[[COLS:.*]] = "memref.alloc"() {{.*}} -> memref<36x30xf32>
// CHECK: %[[BIAS:.*]] = "memref.load"(%{{.*}}, %{{.*}}) : (memref<4xf32>, index) -> f32
// CHECK: "memref.store"(%[[BIAS]], %[[OUT]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (f32, memref<1x4x9x11xf32>, index, index, index, index) -> ()
// CHECK: "vector.load"(%[[IMG]], %{{.*}}, %{{.*}}, %{{.*}}) : (memref<1x8x30xf32>, index, index, index) -> vector<8xf32>
// CHECK: "vector.fma"
// CHECK: "vector.store"(%{{.*}}, %[[COLS]], %{{.*}}, %{{.*}}) : (vector<8xf32>, memref<36x30xf32>, index, index) -> ()
// CHECK: "arith.floordivsi"
// CHECK: "arith.maxsi"
// CHECK: "arith.floordivsi"
// CHECK: "arith.minsi"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: %[[O:.*]] = "memref.load"(%[[OUT]], %{{.*}}, %{{.*}}, %[[Y:.*]], %[[X:.*]]) : (memref<1x4x9x11xf32>, index, index, index, index) -> f32
// CHECK: %[[C:.*]] = "memref.load"(%[[COLS]], %{{.*}}, %{{.*}}) : (memref<36x30xf32>, index, index) -> f32
// CHECK: %[[SUM:.*]] = "arith.addf"(%[[O]], %[[C]])
// CHECK: "memref.store"(%[[SUM]], %[[OUT]], %{{.*}}, %{{.*}}, %[[Y]], %[[X]])
// CHECK: sym_name = "conv_transpose_product"
"func.func"() ({
^bb0(%x: tensor<1x8x5x6xf32>, %w: tensor<8x4x3x3xf32>, %b: tensor<4xf32>):
  %0 = "nn.conv_transpose"(%x, %w, %b) {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x8x5x6xf32>, tensor<8x4x3x3xf32>, tensor<4xf32>) -> tensor<1x4x9x11xf32>
  "func.return"(%0) : (tensor<1x4x9x11xf32>) -> ()
}) {function_type = (tensor<1x8x5x6xf32>, tensor<8x4x3x3xf32>, tensor<4xf32>) -> tensor<1x4x9x11xf32>, sym_name = "conv_transpose_product"} : () -> ()

// Two groups: one product after the other in a loop over the groups, group g on the packed
// weights' panels from g * 2 (a view), its input channels from g * 3 and output channels from g * 2.
// CHECK-LABEL: "func.func"
// CHECK: "memref.alloc"() {{.*}} -> memref<4x3x6xf32>
// CHECK: "scf.for"
// CHECK: "memref.subview"(%{{.*}}, %{{.*}}) {{.*}} -> memref<2x3x6xf32, strided<[18, 6, 1], offset: ?>>
// CHECK: "vector.fma"
// CHECK: sym_name = "conv_transpose_groups"
"func.func"() ({
^bb0(%x: tensor<1x6x4x4xf32>, %w: tensor<6x2x2x2xf32>):
  %0 = "nn.conv_transpose"(%x, %w) {strides = array<i64: 2, 2>, group = 2 : i64} : (tensor<1x6x4x4xf32>, tensor<6x2x2x2xf32>) -> tensor<1x4x8x8xf32>
  "func.return"(%0) : (tensor<1x4x8x8xf32>) -> ()
}) {function_type = (tensor<1x6x4x4xf32>, tensor<6x2x2x2xf32>) -> tensor<1x4x8x8xf32>, sym_name = "conv_transpose_groups"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_transpose_product"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_transpose_groups"
