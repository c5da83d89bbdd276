// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// 2-D average pooling on a target with vectors, padding included, as max pooling does it: per
// output row the window's rows inside the input are summed into a row buffer (zeros around the
// input row, which starts at a vector boundary), each vector of outputs sums its window's
// columns from whole vectors of the buffer (taps cut by shuffles), and divides.

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "avg_3x3_stride_1_padded"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "avg_3x3_stride_2_count_pad"
// EQUIV-NOT: changed the results

// count_include_pad = 0: the divisor is the window's rows inside the input (2 in the first and
// last output rows, 3 between) times its columns inside, a per-column table of counts built
// once per plane (2 for the first and last column, 3 between).
// CHECK-LABEL: "func.func"
// CHECK: %[[COUNTS:.*]] = "memref.alloca"() {{.*}} -> memref<48xf32>
// CHECK: "arith.sitofp"
// CHECK: "memref.store"(%{{.*}}, %[[COUNTS]], %{{.*}})
// CHECK: "vector.load"(%[[COUNTS]], %{{.*}}) : (memref<48xf32>, index) -> vector<16xf32>
// CHECK: "arith.mulf"
// CHECK: "arith.divf"
// CHECK-NOT: "memref.load"(%{{.*}}) : (memref<1x2x9x40xf32>
// CHECK: sym_name = "avg_3x3_stride_1_padded"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x2x9x40xf32>):
    %0 = "nn.avg_pool"(%x) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x9x40xf32>) -> tensor<1x2x9x40xf32>
    "func.return"(%0) : (tensor<1x2x9x40xf32>) -> ()
  }) {function_type = (tensor<1x2x9x40xf32>) -> tensor<1x2x9x40xf32>, sym_name = "avg_3x3_stride_1_padded"} : () -> ()
}) : () -> ()

// -----

// count_include_pad = 1: every window lies inside the padded input (no ceil_mode), so every
// output divides by 9.
// CHECK-LABEL: // -----
// CHECK: %[[NINE:.*]] = "arith.constant"() {value = 9.000000e+00 : f32}
// CHECK-NOT: "arith.sitofp"
// CHECK: %[[DIV:.*]] = "vector.broadcast"(%[[NINE]]) : (f32) -> vector<16xf32>
// CHECK-NOT: "arith.sitofp"
// CHECK: "arith.divf"(%{{.*}}, %[[DIV]])
// CHECK: sym_name = "avg_3x3_stride_2_count_pad"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x3x22x37xf32>):
    %0 = "nn.avg_pool"(%x) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, count_include_pad = 1 : i64} : (tensor<1x3x22x37xf32>) -> tensor<1x3x11x19xf32>
    "func.return"(%0) : (tensor<1x3x11x19xf32>) -> ()
  }) {function_type = (tensor<1x3x22x37xf32>) -> tensor<1x3x11x19xf32>, sym_name = "avg_3x3_stride_2_count_pad"} : () -> ()
}) : () -> ()
