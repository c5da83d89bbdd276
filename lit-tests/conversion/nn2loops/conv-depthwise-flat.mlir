// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=16},canonicalize,cse' | FileCheck %s --implicit-check-not='"nn.conv'
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=16 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=4},canonicalize,cse' | FileCheck %s --check-prefix=ROWS

// Depthwise convolutions at stride 1 whose output plane has the input's size and whose rows are
// much shorter than a vector go in vectors of the flattened plane (FlatPlaneDepthwise): the
// 7 x 7 plane is one row of 49 (memref.collapse_shape), four vectors of 16 outputs (three
// stores and a masked write of the last), where by rows it took seven vectors of 7 lanes. Each
// tap is one vector read of the flat input at a fixed offset; a lane whose window column falls
// off its row would read the neighbouring row, so a constant lane mask selects that tap's FMA
// away. With vectors of 4 lanes (ROWS), flat vectors would save too little: rows as before.
// EQUIV-NOT: changed the results

// CHECK-LABEL: "func.func"
// CHECK-DAG: "memref.collapse_shape"(%{{.*}}) {reassociation = {{\[\[}}0], [1], [2, 3]]} : (memref<1x2x7x7xf32>) -> memref<1x2x49xf32>
// CHECK-DAG: "arith.constant"() {value = dense<[false, true, true, true, true, true, true, false, true, true, true, true, true, true, false, true]> : vector<16xi1>}
// CHECK: "scf.for"
// CHECK: "vector.fma"
// CHECK: "arith.select"(%{{.*}}, %{{.*}}, %{{.*}}) : (vector<16xi1>, vector<16xf32>, vector<16xf32>) -> vector<16xf32>
// CHECK-COUNT-3: "vector.store"(%{{.*}}) : (vector<16xf32>, memref<1x2x49xf32>, index, index, index) -> ()
// CHECK: "vector.transfer_write"
// CHECK-NOT: "vector.store"
// CHECK: sym_name = "flat_3x3"
// ROWS-LABEL: "func.func"
// ROWS-NOT: "memref.collapse_shape"
// ROWS: sym_name = "flat_3x3"
"func.func"() ({
^bb0(%x: tensor<1x2x7x7xf32>, %w: tensor<2x1x3x3xf32>, %b: tensor<2xf32>):
  %0 = "nn.conv"(%x, %w, %b) {group = 2 : i64, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x7x7xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x2x7x7xf32>
  "func.return"(%0) : (tensor<1x2x7x7xf32>) -> ()
}) {function_type = (tensor<1x2x7x7xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x2x7x7xf32>, sym_name = "flat_3x3"} : () -> ()
// EQUIV: sym_name = "flat_3x3"

// -----

// A 5 x 5 window dilated by 2, a channel multiplier of 2, padding only below and right, two
// images; then with the ReLU and a residual add in the epilogue (nn-fuse).
// CHECK-LABEL: "func.func"
// CHECK: "memref.collapse_shape"{{.*}} -> memref<2x3x48xf32>
// CHECK: sym_name = "flat_dilated"
"func.func"() ({
^bb0(%x: tensor<2x3x6x8xf32>, %w: tensor<6x1x5x5xf32>):
  %0 = "nn.conv"(%x, %w) {group = 3 : i64, dilations = array<i64: 2, 2>, pads = array<i64: 0, 0, 8, 8>} : (tensor<2x3x6x8xf32>, tensor<6x1x5x5xf32>) -> tensor<2x6x6x8xf32>
  "func.return"(%0) : (tensor<2x6x6x8xf32>) -> ()
}) {function_type = (tensor<2x3x6x8xf32>, tensor<6x1x5x5xf32>) -> tensor<2x6x6x8xf32>, sym_name = "flat_dilated"} : () -> ()
// EQUIV: sym_name = "flat_dilated"

// -----

// CHECK-LABEL: "func.func"
// CHECK: sym_name = "flat_fused"
"func.func"() ({
^bb0(%x: tensor<1x4x5x5xf32>, %w: tensor<4x1x3x3xf32>, %b: tensor<4xf32>):
  %0 = "nn.conv"(%x, %w, %b) {group = 4 : i64, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x4x5x5xf32>, tensor<4x1x3x3xf32>, tensor<4xf32>) -> tensor<1x4x5x5xf32>
  %1 = "nn.relu"(%0) : (tensor<1x4x5x5xf32>) -> tensor<1x4x5x5xf32>
  %2 = "nn.add"(%1, %x) : (tensor<1x4x5x5xf32>, tensor<1x4x5x5xf32>) -> tensor<1x4x5x5xf32>
  "func.return"(%2) : (tensor<1x4x5x5xf32>) -> ()
}) {function_type = (tensor<1x4x5x5xf32>, tensor<4x1x3x3xf32>, tensor<4xf32>) -> tensor<1x4x5x5xf32>, sym_name = "flat_fused"} : () -> ()
// EQUIV: sym_name = "flat_fused"
