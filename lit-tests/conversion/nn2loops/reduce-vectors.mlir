// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=0},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// f32 sums and means over the trailing axes (a global average pool) go in vectors: per
// output, its run of inputs (here 7 x 9 = 63: three whole vectors, then one read masked at
// the run's end) is added into a vector of partial sums, whose lanes are added in a tree of
// halves (16 -> 8 -> 4 -> 2 -> 1), then divided by the count for a mean.
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "global_average_pool"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "sum_last_axis"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "sum_first_axis"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "mean_channels"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "max_leading_axes"
// EQUIV-NOT: changed the results

// CHECK-LABEL: "func.func"
// CHECK: %[[ROWS:.*]] = "memref.expand_shape"(%{{.*}}) {{.*}} : (memref<315xf32>) -> memref<5x63xf32>
// CHECK: "scf.for"
// CHECK: "vector.load"(%[[ROWS]], %{{.*}}, %{{.*}}) : (memref<5x63xf32>, index, index) -> vector<16xf32>
// CHECK: "arith.addf"
// CHECK: "vector.transfer_read"(%[[ROWS]], %{{.*}}, %{{.*}}, %{{.*}})
// CHECK: "vector.shuffle"(%{{.*}}, %{{.*}}) {mask = [0, 1, 2, 3, 4, 5, 6, 7]} : (vector<16xf32>, vector<16xf32>) -> vector<8xf32>
// CHECK: "vector.shuffle"(%{{.*}}, %{{.*}}) {mask = [8, 9, 10, 11, 12, 13, 14, 15]}
// CHECK: "vector.shuffle"(%{{.*}}, %{{.*}}) {mask = [0]} : (vector<2xf32>, vector<2xf32>) -> vector<1xf32>
// CHECK: "vector.extract"
// CHECK: "arith.divf"
// CHECK: sym_name = "global_average_pool"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x5x7x9xf32>):
    %0 = "nn.reduce_mean"(%x) {axes = array<i64: 2, 3>, keepdims = 1 : i64} : (tensor<1x5x7x9xf32>) -> tensor<1x5x1x1xf32>
    "func.return"(%0) : (tensor<1x5x1x1xf32>) -> ()
  }) {function_type = (tensor<1x5x7x9xf32>) -> tensor<1x5x1x1xf32>, sym_name = "global_average_pool"} : () -> ()
}) : () -> ()

// -----

// A run of whole vectors (40 at width 8: five; at width 16: two and a masked one), without keepdims.
// CHECK-LABEL: // -----
// CHECK: "vector.shuffle"
// CHECK: sym_name = "sum_last_axis"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<3x40xf32>):
    %0 = "nn.reduce_sum"(%x) {axes = array<i64: 1>, keepdims = 0 : i64} : (tensor<3x40xf32>) -> tensor<3xf32>
    "func.return"(%0) : (tensor<3xf32>) -> ()
  }) {function_type = (tensor<3x40xf32>) -> tensor<3xf32>, sym_name = "sum_last_axis"} : () -> ()
}) : () -> ()

// -----

// Over a leading axis the runs are not contiguous: the scalar loops stay.
// CHECK-LABEL: // -----
// CHECK-NOT: "vector.shuffle"
// CHECK: sym_name = "sum_first_axis"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<20x3xf32>):
    %0 = "nn.reduce_sum"(%x) {axes = array<i64: 0>, keepdims = 0 : i64} : (tensor<20x3xf32>) -> tensor<3xf32>
    "func.return"(%0) : (tensor<3xf32>) -> ()
  }) {function_type = (tensor<20x3xf32>) -> tensor<3xf32>, sym_name = "sum_first_axis"} : () -> ()
}) : () -> ()

// -----

// Over a run of axes with kept axes after it (the channels of NCHW), the input is [outer,
// count, inner] = [2, 5, 3 * 37]: each block of columns carries its vectors of accumulators
// through the 5 rows, one vector load per row and vector (111 columns at width 16: seven
// vectors, the last masked), then divides by the count and stores them.
// CHECK-LABEL: // -----
// CHECK: %[[ROWS:.*]] = "memref.expand_shape"(%{{.*}}) {{.*}} : (memref<1110xf32>) -> memref<2x5x111xf32>
// CHECK: %[[OUT:.*]] = "memref.expand_shape"(%{{.*}}) {{.*}} : (memref<222xf32>) -> memref<2x111xf32>
// CHECK: %{{.*}}:7 = "scf.for"
// CHECK: "vector.load"(%[[ROWS]], %{{.*}}, %{{.*}}, %{{.*}}) : (memref<2x5x111xf32>, index, index, index) -> vector<16xf32>
// CHECK-NEXT: "arith.addf"
// CHECK: "vector.load"(%[[ROWS]], %{{.*}}, %{{.*}}, %{{.*}}) : (memref<2x5x111xf32>, index, index, index) -> vector<16xf32>
// CHECK-NEXT: "arith.addf"
// CHECK: "vector.load"(%[[ROWS]], %{{.*}}, %{{.*}}, %{{.*}}) : (memref<2x5x111xf32>, index, index, index) -> vector<16xf32>
// CHECK-NEXT: "arith.addf"
// CHECK: "vector.load"(%[[ROWS]], %{{.*}}, %{{.*}}, %{{.*}}) : (memref<2x5x111xf32>, index, index, index) -> vector<16xf32>
// CHECK-NEXT: "arith.addf"
// CHECK: "vector.load"(%[[ROWS]], %{{.*}}, %{{.*}}, %{{.*}}) : (memref<2x5x111xf32>, index, index, index) -> vector<16xf32>
// CHECK-NEXT: "arith.addf"
// CHECK: "vector.load"(%[[ROWS]], %{{.*}}, %{{.*}}, %{{.*}}) : (memref<2x5x111xf32>, index, index, index) -> vector<16xf32>
// CHECK-NEXT: "arith.addf"
// CHECK: "vector.transfer_read"(%[[ROWS]],
// CHECK-NEXT: "arith.addf"
// CHECK: "arith.divf"
// CHECK: "vector.store"(%{{.*}}, %[[OUT]], %{{.*}}, %{{.*}}) : (vector<16xf32>, memref<2x111xf32>, index, index) -> ()
// CHECK: "vector.transfer_write"(%{{.*}}, %[[OUT]],
// CHECK-NOT: "vector.shuffle"
// CHECK: sym_name = "mean_channels"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<2x5x3x37xf32>):
    %0 = "nn.reduce_mean"(%x) {axes = array<i64: 1>, keepdims = 1 : i64} : (tensor<2x5x3x37xf32>) -> tensor<2x1x3x37xf32>
    "func.return"(%0) : (tensor<2x1x3x37xf32>) -> ()
  }) {function_type = (tensor<2x5x3x37xf32>) -> tensor<2x1x3x37xf32>, sym_name = "mean_channels"} : () -> ()
}) : () -> ()

// -----

// A max over the two leading axes (24 rows of 300 columns): two whole blocks of eight vectors
// on the threads' loop, then a last block of three (44 columns), the last vector masked.
// CHECK-LABEL: // -----
// CHECK: %{{.*}}:8 = "scf.for"
// CHECK: "arith.cmpf"
// CHECK: %{{.*}}:3 = "scf.for"
// CHECK: "vector.transfer_read"
// CHECK: "vector.transfer_write"
// CHECK: sym_name = "max_leading_axes"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<4x6x300xf32>):
    %0 = "nn.reduce_max"(%x) {axes = array<i64: 0, 1>, keepdims = 0 : i64} : (tensor<4x6x300xf32>) -> tensor<300xf32>
    "func.return"(%0) : (tensor<300xf32>) -> ()
  }) {function_type = (tensor<4x6x300xf32>) -> tensor<300xf32>, sym_name = "max_leading_axes"} : () -> ()
}) : () -> ()
