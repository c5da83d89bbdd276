// nn-fold-batchnorm also folds into nn.gemm (channels on dimension 1); interpretation confirms the results.
// RUN: %sol-opt %s --nn-fold-batchnorm --check-equivalence | FileCheck %s
// CHECK-NOT: "nn.batch_norm"
// CHECK: "nn.gemm"(%arg0, %{{[0-9]+}}, %{{[0-9]+}}) {alpha = 1.000000e+00 : f64, beta = 1.000000e+00 : f64, trans_a = 0 : i64, trans_b = 1 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x2xf32>
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %w = "nn.constant"() {value = dense<[[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]]> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %c = "nn.constant"() {value = dense<[0.1, -0.2]> : tensor<2xf32>} : () -> tensor<2xf32>
  %s = "nn.constant"() {value = dense<[1.5, 0.5]> : tensor<2xf32>} : () -> tensor<2xf32>
  %b = "nn.constant"() {value = dense<[0.3, -0.1]> : tensor<2xf32>} : () -> tensor<2xf32>
  %m = "nn.constant"() {value = dense<[0.05, 0.2]> : tensor<2xf32>} : () -> tensor<2xf32>
  %v = "nn.constant"() {value = dense<[0.9, 1.1]> : tensor<2xf32>} : () -> tensor<2xf32>
  %g = "nn.gemm"(%x, %w, %c) {alpha = 1.0 : f64, beta = 2.0 : f64, trans_b = 1 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  %n = "nn.batch_norm"(%g, %s, %b, %m, %v) {epsilon = 1.0e-5 : f64} : (tensor<2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  "func.return"(%n) : (tensor<2x2xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x2xf32>, sym_name = "main"} : () -> ()
