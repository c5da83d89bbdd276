// RUN: %sol-opt %s -p convert-nn-to-loops,canonicalize,cse | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// 2-D nn.avg_pool on floats, per image and channel, the window's taps unrolled: the sum of
// the elements inside the input divided by the count of the positions that count. With the
// default count_include_pad = 0 a position counts when it lies inside the input (0 <= pos < 5).
// Kernel 3x3, strides 2, pads 1: position o * 2 + k - 1. Only output (1, 1) has its whole
// window inside: it divides by 9 without checks. The border's outputs select their sums and
// counts tap by tap; where the count is known (canonicalize folds it), by 6 or 4.
// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[SIX:.*]] = "arith.constant"() {value = 6.000000e+00 : f32}
// CHECK-DAG: %[[NINE:.*]] = "arith.constant"() {value = 9.000000e+00 : f32}
// CHECK: "scf.for"
// CHECK: %[[COUNT:.*]] = "arith.select"
// CHECK: "arith.divf"(%{{.*}}, %{{.*}})
// CHECK: "arith.divf"(%{{.*}}, %[[SIX]])
// CHECK-NOT: "arith.select"
// CHECK: "arith.divf"(%{{.*}}, %[[NINE]])
// CHECK: "arith.divf"(%{{.*}}, %[[SIX]])
// CHECK: sym_name = "avg_pool"
"func.func"() ({
^bb0(%x: tensor<1x1x5x5xf32>):
  %0 = "nn.avg_pool"(%x) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  "func.return"(%0) : (tensor<1x1x3x3xf32>) -> ()
}) {function_type = (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>, sym_name = "avg_pool"} : () -> ()

// count_include_pad = 1: the sum still reads only inside the input (0 <= pos < 5), but the
// count includes the padding: -1 <= pos < 6, so every window counts 9.
// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[NINE:.*]] = "arith.constant"() {value = 9.000000e+00 : f32}
// CHECK-NOT: {{value = [2-8]\.0+e\+00 : f32}}
// CHECK: "arith.divf"(%{{.*}}, %[[NINE]])
// CHECK: sym_name = "avg_pool_count_pad"
"func.func"() ({
^bb0(%x: tensor<1x1x5x5xf32>):
  %0 = "nn.avg_pool"(%x) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, count_include_pad = 1 : i64} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  "func.return"(%0) : (tensor<1x1x3x3xf32>) -> ()
}) {function_type = (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>, sym_name = "avg_pool_count_pad"} : () -> ()

// ceil_mode = 1 with count_include_pad = 1 and pads only at the start ([1, 1, 0, 0]):
// kernel 3, stride 2 over 5 + 1 gives 3 outputs (2 with floor); the last window reaches one
// past the padded input, and that position does not count (pos < 5 + 0, not 6): the
// interior divides by 9, output (1, 2) by 6.
// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[SIX:.*]] = "arith.constant"() {value = 6.000000e+00 : f32}
// CHECK-DAG: %[[NINE:.*]] = "arith.constant"() {value = 9.000000e+00 : f32}
// CHECK: "arith.divf"(%{{.*}}, %[[NINE]])
// CHECK: "arith.divf"(%{{.*}}, %[[SIX]])
// CHECK: sym_name = "avg_pool_ceil"
"func.func"() ({
^bb0(%x: tensor<1x1x5x5xf32>):
  %0 = "nn.avg_pool"(%x) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 0, 0>, count_include_pad = 1 : i64, ceil_mode = 1 : i64} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  "func.return"(%0) : (tensor<1x1x3x3xf32>) -> ()
}) {function_type = (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>, sym_name = "avg_pool_ceil"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<1x1x5x5xf32>, memref<1x1x3x3xf32>) -> (), sym_name = "avg_pool"
// EQUIV: function_type = (memref<1x1x5x5xf32>, memref<1x1x3x3xf32>) -> (), sym_name = "avg_pool_count_pad"
// EQUIV: function_type = (memref<1x1x5x5xf32>, memref<1x1x3x3xf32>) -> (), sym_name = "avg_pool_ceil"
