// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=8},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// DepthToSpace's transpose (DCR, blocks of 2; the phases of a transposed convolution): the
// result's last axis (2) is shorter than a vector, and the axis before it (9) runs along the
// input's rows, so each result row of 18 interleaves two input rows. Two vector loads of 8
// lanes (the two phases at the same columns), one round of shuffles (low lanes alternating,
// then high lanes) and two vector stores along the result row, seen as rows of 18; the ninth
// column of each row goes element by element.
// CHECK-LABEL: "func.func"
// CHECK: %[[X:.*]] = "bufferization.to_memref"
// CHECK: %[[Y:.*]] = "memref.alloc"() {{.*}} -> memref<1x3x5x2x9x2xf32>
// CHECK: %[[ROWS:.*]] = "memref.collapse_shape"(%[[Y]]) {reassociation = {{\[\[}}0], [1], [2], [3], [4, 5]]} : (memref<1x3x5x2x9x2xf32>) -> memref<1x3x5x2x18xf32>
// CHECK: %[[A:.*]] = "vector.load"(%[[X]], %[[ZERO:[^,]*]], %[[R:[^,]*]], %[[ZERO]], %[[C:[^,]*]], %[[H:[^,]*]], %[[W:[^)]*]]) : (memref<1x2x2x3x5x9xf32>, index, index, index, index, index, index) -> vector<8xf32>
// CHECK: %[[B:.*]] = "vector.load"(%[[X]], %[[ZERO]], %[[R]], %[[ONE:[^,]*]], %[[C]], %[[H]], %[[W]])
// CHECK: %[[LOW:.*]] = "vector.shuffle"(%[[A]], %[[B]]) {mask = [0, 8, 1, 9, 2, 10, 3, 11]}
// CHECK: %[[HIGH:.*]] = "vector.shuffle"(%[[A]], %[[B]]) {mask = [4, 12, 5, 13, 6, 14, 7, 15]}
// CHECK: "vector.store"(%[[LOW]], %[[ROWS]], %[[ZERO]], %[[C]], %[[H]], %[[R]], %[[W]])
// CHECK: "vector.store"(%[[HIGH]], %[[ROWS]], %[[ZERO]], %[[C]], %[[H]], %[[R]], %[[EIGHT:[^)]*]])
// CHECK: "memref.load"(%[[X]],
// CHECK: "memref.store"(%{{.*}}, %[[Y]],
// CHECK: sym_name = "depth_to_space_dcr"

// Blocks of 4 (PixelShuffle's CRD order): two rounds pair vectors 0 and 2, 1 and 3.
// CHECK-LABEL: "func.func"
// CHECK: %[[L0:.*]] = "vector.load"
// CHECK: %[[L1:.*]] = "vector.load"
// CHECK: %[[L2:.*]] = "vector.load"
// CHECK: %[[L3:.*]] = "vector.load"
// CHECK: %[[M0:.*]] = "vector.shuffle"(%[[L0]], %[[L2]]) {mask = [0, 8, 1, 9, 2, 10, 3, 11]}
// CHECK: %[[M1:.*]] = "vector.shuffle"(%[[L0]], %[[L2]]) {mask = [4, 12, 5, 13, 6, 14, 7, 15]}
// CHECK: %[[M2:.*]] = "vector.shuffle"(%[[L1]], %[[L3]]) {mask = [0, 8, 1, 9, 2, 10, 3, 11]}
// CHECK: %[[M3:.*]] = "vector.shuffle"(%[[L1]], %[[L3]]) {mask = [4, 12, 5, 13, 6, 14, 7, 15]}
// CHECK: "vector.shuffle"(%[[M0]], %[[M2]]) {mask = [0, 8, 1, 9, 2, 10, 3, 11]}
// CHECK: "vector.shuffle"(%[[M0]], %[[M2]]) {mask = [4, 12, 5, 13, 6, 14, 7, 15]}
// CHECK: "vector.shuffle"(%[[M1]], %[[M3]]) {mask = [0, 8, 1, 9, 2, 10, 3, 11]}
// CHECK: "vector.shuffle"(%[[M1]], %[[M3]]) {mask = [4, 12, 5, 13, 6, 14, 7, 15]}
// CHECK-COUNT-4: "vector.store"
// CHECK-NOT: "memref.load"
// CHECK: sym_name = "pixel_shuffle_crd"

// Rows of 3 take vectors of 2 lanes; blocks of 3 are not interleaved (element by element).
// CHECK: "vector.shuffle"{{.*}} : (vector<2xf32>, vector<2xf32>) -> vector<2xf32>
// CHECK: sym_name = "short_rows"
// CHECK-NOT: "vector.shuffle"
// CHECK: sym_name = "blocks_of_three"

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "blocks_of_three"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x2x2x3x5x9xf32>):
    %y = "nn.transpose"(%x) {perm = array<i64: 0, 3, 4, 1, 5, 2>} : (tensor<1x2x2x3x5x9xf32>) -> tensor<1x3x5x2x9x2xf32>
    "func.return"(%y) : (tensor<1x3x5x2x9x2xf32>) -> ()
  }) {function_type = (tensor<1x2x2x3x5x9xf32>) -> tensor<1x3x5x2x9x2xf32>, sym_name = "depth_to_space_dcr"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<2x3x4x4x6x16xf32>):
    %y = "nn.transpose"(%x) {perm = array<i64: 0, 1, 4, 2, 5, 3>} : (tensor<2x3x4x4x6x16xf32>) -> tensor<2x3x6x4x16x4xf32>
    "func.return"(%y) : (tensor<2x3x6x4x16x4xf32>) -> ()
  }) {function_type = (tensor<2x3x4x4x6x16xf32>) -> tensor<2x3x6x4x16x4xf32>, sym_name = "pixel_shuffle_crd"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<1x2x2x3x5x3xf32>):
    %y = "nn.transpose"(%x) {perm = array<i64: 0, 3, 4, 1, 5, 2>} : (tensor<1x2x2x3x5x3xf32>) -> tensor<1x3x5x2x3x2xf32>
    "func.return"(%y) : (tensor<1x3x5x2x3x2xf32>) -> ()
  }) {function_type = (tensor<1x2x2x3x5x3xf32>) -> tensor<1x3x5x2x3x2xf32>, sym_name = "short_rows"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<1x3x3x2x5x8xf32>):
    %y = "nn.transpose"(%x) {perm = array<i64: 0, 3, 4, 1, 5, 2>} : (tensor<1x3x3x2x5x8xf32>) -> tensor<1x2x5x3x8x3xf32>
    "func.return"(%y) : (tensor<1x2x5x3x8x3xf32>) -> ()
  }) {function_type = (tensor<1x3x3x2x5x8xf32>) -> tensor<1x2x5x3x8x3xf32>, sym_name = "blocks_of_three"} : () -> ()
}) : () -> ()
