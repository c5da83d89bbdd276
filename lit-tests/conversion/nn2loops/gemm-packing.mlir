// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "gemm_two_panels"

// Constant weights stored n x k (trans_b) are packed at compile time into panels of 12 columns
// (3 vectors), k rows each: 14 columns make a full panel and one of 2 columns whose other 10
// lanes are zeros (not the previous panel's values).
// CHECK: "memref.global"() {alignment = 64 : i64, constant, initial_value = dense<{{\[\[\[}}1.000000e+00, 4.000000e+00, 7.000000e+00, 1.000000e+01, 1.300000e+01, 1.600000e+01, 1.900000e+01, 2.200000e+01, 2.500000e+01, 2.800000e+01, 3.100000e+01, 3.400000e+01], [2.000000e+00,
// CHECK-SAME: {{\]\]}}, {{\[\[}}3.700000e+01, 4.000000e+01, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [3.800000e+01, 4.100000e+01, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [3.900000e+01, 4.200000e+01, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]]]> : tensor<2x3x12xf32>
"builtin.module"() ({
^bb0:
  "func.func"() ({
  ^bb0(%a: tensor<2x3xf32>):
    %w = "nn.constant"() {value = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0], [10.0, 11.0, 12.0], [13.0, 14.0, 15.0], [16.0, 17.0, 18.0], [19.0, 20.0, 21.0], [22.0, 23.0, 24.0], [25.0, 26.0, 27.0], [28.0, 29.0, 30.0], [31.0, 32.0, 33.0], [34.0, 35.0, 36.0], [37.0, 38.0, 39.0], [40.0, 41.0, 42.0]]> : tensor<14x3xf32>} : () -> tensor<14x3xf32>
    %0 = "nn.gemm"(%a, %w) {trans_b = 1 : i64} : (tensor<2x3xf32>, tensor<14x3xf32>) -> tensor<2x14xf32>
    "func.return"(%0) : (tensor<2x14xf32>) -> ()
  }) {function_type = (tensor<2x3xf32>) -> tensor<2x14xf32>, sym_name = "gemm_two_panels"} : () -> ()
}) : () -> ()
