// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=0},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// 2-D max pooling on a target with vectors: per interior output row, the maximum down the
// window's rows goes into a row buffer a vector at a time (the last vector of the input row
// read masked), then each vector of outputs takes the maximum of the window's columns from
// the buffer. At stride 2 a pair of loads is split into its even and odd lanes with
// vector.shuffle, serving two taps; the third tap is the even lanes moved down by one, the
// last from a third aligned load (loads at +2 would straddle the stores that just wrote the
// row and stall store-to-load forwarding); the last vector of outputs is written masked.
// Each maximum is x > y ? x : y (one maxps on x86), or x + y where x and y are unordered, so
// that a NaN in the window still gives NaN.

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "pool_3x3_stride_2"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "pool_3x3_stride_2_padded"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "pool_3x3_stride_1"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "pool_2x2_stride_2_narrow"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "pool_5x5_stride_2"
// EQUIV-NOT: changed the results

// 111 -> 55 columns: the row buffer (7 vectors of the input, masked at 111, and three of -inf)
// and 3 vectors of outputs, the last one masked at 55.
// CHECK-LABEL: "func.func"
// CHECK: "memref.alloca"() {{.*}} -> memref<160xf32>
// CHECK: "vector.store"(%{{.*}}, %[[ROW:.*]], %{{.*}}) : (vector<16xf32>, memref<160xf32>, index) -> ()
// CHECK: "vector.load"(%{{.*}}) : (memref<1x2x111x111xf32>, index, index, index, index) -> vector<16xf32>
// CHECK: %[[GT:.*]] = "arith.cmpf"(%[[P:.*]], %[[Q:.*]]) {predicate = 2 : i64} : (vector<16xf32>, vector<16xf32>) -> vector<16xi1>
// CHECK: %[[LARGER:.*]] = "arith.select"(%[[GT]], %[[P]], %[[Q]])
// CHECK: %[[UNORDERED:.*]] = "arith.cmpf"(%[[P]], %[[Q]]) {predicate = 14 : i64}
// CHECK: %[[SUM:.*]] = "arith.addf"(%[[P]], %[[Q]])
// CHECK: "arith.select"(%[[UNORDERED]], %[[SUM]], %[[LARGER]])
// CHECK: "vector.transfer_read"(%{{.*}}) {{.*}} : (memref<1x2x111x111xf32>, index, index, index, index, f32) -> vector<16xf32>
// CHECK: %[[A:.*]] = "vector.load"(%[[ROW]], %{{.*}}) : (memref<160xf32>, index) -> vector<16xf32>
// CHECK: %[[B:.*]] = "vector.load"(%[[ROW]], %{{.*}}) : (memref<160xf32>, index) -> vector<16xf32>
// CHECK: %[[EVEN:.*]] = "vector.shuffle"(%[[A]], %[[B]]) {mask = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30]}
// CHECK: "vector.shuffle"(%[[A]], %[[B]]) {mask = [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31]}
// CHECK: %[[C:.*]] = "vector.load"(%[[ROW]], %{{.*}}) : (memref<160xf32>, index) -> vector<16xf32>
// CHECK: "vector.shuffle"(%[[EVEN]], %[[C]]) {mask = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]}
// CHECK: "vector.store"(%{{.*}}) : (vector<16xf32>, memref<1x2x55x55xf32>, index, index, index, index) -> ()
// CHECK: "vector.transfer_write"(%{{.*}}) {{.*}} : (vector<16xf32>, memref<1x2x55x55xf32>, index, index, index, index) -> ()
// CHECK: sym_name = "pool_3x3_stride_2"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x2x111x111xf32>):
    %0 = "nn.max_pool"(%x) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>} : (tensor<1x2x111x111xf32>) -> tensor<1x2x55x55xf32>
    "func.return"(%0) : (tensor<1x2x55x55xf32>) -> ()
  }) {function_type = (tensor<1x2x111x111xf32>) -> tensor<1x2x55x55xf32>, sym_name = "pool_3x3_stride_2"} : () -> ()
}) : () -> ()

// -----

// Padding (ResNet's stem pool), in vectors too: the input row goes into the buffer from lane 16
// on (aligned stores), after a vector of -inf, so that the left border's windows read -inf
// for the padding; the window's left edge is then 15 lanes into a vector, and its taps (lanes
// 15, 16, 17 at stride 2) are the odd, even and odd lanes moved down by 7, 8 and 8. The border
// rows take the window rows inside the input only; nothing is computed one output at a time.
// CHECK-LABEL: // -----
// CHECK-NOT: "memref.load"
// CHECK: "memref.alloca"() {{.*}} -> memref<112xf32>
// CHECK: "vector.shuffle"(%{{.*}}, %{{.*}}) {mask = [7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 19, 21, 23, 25, 27, 29]}
// CHECK: "vector.shuffle"(%{{.*}}, %{{.*}}) {mask = [8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 26, 28, 30]}
// CHECK: "vector.shuffle"(%{{.*}}, %{{.*}}) {mask = [8, 9, 10, 11, 12, 13, 14, 15, 17, 19, 21, 23, 25, 27, 29, 31]}
// CHECK-NOT: "memref.load"
// CHECK: sym_name = "pool_3x3_stride_2_padded"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x3x22x37xf32>):
    %0 = "nn.max_pool"(%x) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x22x37xf32>) -> tensor<1x3x11x19xf32>
    "func.return"(%0) : (tensor<1x3x11x19xf32>) -> ()
  }) {function_type = (tensor<1x3x22x37xf32>) -> tensor<1x3x11x19xf32>, sym_name = "pool_3x3_stride_2_padded"} : () -> ()
}) : () -> ()

// -----

// Stride 1 with padding (Inception's pools): whole vectors of the row buffer, the taps cut from
// them by shuffles (unaligned loads would straddle the stores that just wrote the row): lanes
// 15, 16 (the second vector itself) and 17 from the window's aligned start.
// CHECK-LABEL: // -----
// CHECK-NOT: "memref.load"
// CHECK: %[[A:.*]] = "vector.load"(%{{.*}}) : (memref<112xf32>, index) -> vector<16xf32>
// CHECK: %[[B:.*]] = "vector.load"(%{{.*}}) : (memref<112xf32>, index) -> vector<16xf32>
// CHECK: %[[C:.*]] = "vector.load"(%{{.*}}) : (memref<112xf32>, index) -> vector<16xf32>
// CHECK: %[[T0:.*]] = "vector.shuffle"(%[[A]], %[[B]]) {mask = [15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]}
// CHECK: %[[T2:.*]] = "vector.shuffle"(%[[B]], %[[C]]) {mask = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]}
// CHECK: %[[GT:.*]] = "arith.cmpf"(%[[T0]], %[[B]]) {predicate = 2 : i64}
// CHECK: %[[LARGER:.*]] = "arith.select"(%[[GT]], %[[T0]], %[[B]])
// CHECK: %[[UNORDERED:.*]] = "arith.cmpf"(%[[T0]], %[[B]]) {predicate = 14 : i64}
// CHECK: %[[SUM:.*]] = "arith.addf"(%[[T0]], %[[B]])
// CHECK: %[[M:.*]] = "arith.select"(%[[UNORDERED]], %[[SUM]], %[[LARGER]])
// CHECK: "arith.cmpf"(%[[M]], %[[T2]]) {predicate = 2 : i64}
// CHECK-NOT: "memref.load"
// CHECK: sym_name = "pool_3x3_stride_1"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<2x2x9x40xf32>):
    %0 = "nn.max_pool"(%x) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>} : (tensor<2x2x9x40xf32>) -> tensor<2x2x9x40xf32>
    "func.return"(%0) : (tensor<2x2x9x40xf32>) -> ()
  }) {function_type = (tensor<2x2x9x40xf32>) -> tensor<2x2x9x40xf32>, sym_name = "pool_3x3_stride_1"} : () -> ()
}) : () -> ()

// -----

// Fewer columns than a vector: one masked read per input row and one masked write per output row.
// CHECK-LABEL: // -----
// CHECK: "vector.transfer_read"
// CHECK: "vector.transfer_write"
// CHECK: sym_name = "pool_2x2_stride_2_narrow"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x4x6x10xf32>):
    %0 = "nn.max_pool"(%x) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x4x6x10xf32>) -> tensor<1x4x3x5xf32>
    "func.return"(%0) : (tensor<1x4x3x5xf32>) -> ()
  }) {function_type = (tensor<1x4x6x10xf32>) -> tensor<1x4x3x5xf32>, sym_name = "pool_2x2_stride_2_narrow"} : () -> ()
}) : () -> ()

// -----

// A 5-wide window at stride 2: taps 2 to 4 are the even and odd lanes moved down by one and two
// (the odd ones taking the third vector's odd lanes).
// CHECK-LABEL: // -----
// CHECK: %[[ODD:.*]] = "vector.shuffle"(%{{.*}}, %{{.*}}) {mask = [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31]}
// CHECK: %[[C:.*]] = "vector.load"
// CHECK: "vector.shuffle"(%{{.*}}, %[[C]]) {mask = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]}
// CHECK: "vector.shuffle"(%[[ODD]], %[[C]]) {mask = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17]}
// CHECK: "vector.shuffle"(%{{.*}}, %[[C]]) {mask = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18]}
// CHECK: sym_name = "pool_5x5_stride_2"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x2x12x75xf32>):
    %0 = "nn.max_pool"(%x) {kernel_shape = array<i64: 5, 5>, strides = array<i64: 2, 2>, pads = array<i64: 2, 2, 2, 2>} : (tensor<1x2x12x75xf32>) -> tensor<1x2x6x38xf32>
    "func.return"(%0) : (tensor<1x2x6x38xf32>) -> ()
  }) {function_type = (tensor<1x2x12x75xf32>) -> tensor<1x2x6x38xf32>, sym_name = "pool_5x5_stride_2"} : () -> ()
}) : () -> ()
