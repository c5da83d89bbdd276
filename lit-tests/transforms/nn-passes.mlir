// nn passes: nn-fold-batchnorm folds into the convolution; --check-equivalence interprets every step.
// RUN: %sol-opt --load-dialect nn %s --nn-fold-batchnorm | FileCheck %s
// RUN: %sol-opt --load-dialect nn %s --nn-fold-batchnorm --nn-fold-constants --canonicalize --check-equivalence > /dev/null
// RUN: %sol-opt --load-dialect nn %s --nn-fold-constants | FileCheck %s --check-prefix=CONST
// CHECK-NOT: "nn.batch_norm"
// CHECK: "nn.conv"(%arg0, %{{[0-9]+}}, %{{[0-9]+}}) {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x1x4x4xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
// CHECK-NOT: "nn.batch_norm"
// CONST: "nn.constant"() {value = dense<[3.000000e+00, 5.000000e+00]> : tensor<2xf32>}
// CONST-NOT: "nn.add"(%{{.*}}, %{{.*}}) : (tensor<2xf32>
"func.func"() ({
^bb0(%x: tensor<1x1x4x4xf32>):
  %w = "nn.constant"() {value = dense<[[[[-0.5241, 0.0885, -0.2601], [0.2078, 0.2514, -0.8689], [-0.9737, 0.6749, -0.4813]]], [[[-0.5313, 0.9913, -0.0595], [0.6729, -0.0473, 0.2781], [-0.6988, 0.2697, 0.7361]]]]> : tensor<2x1x3x3xf32>} : () -> tensor<2x1x3x3xf32>
  %s = "nn.constant"() {value = dense<[1.5000, 0.5000]> : tensor<2xf32>} : () -> tensor<2xf32>
  %b = "nn.constant"() {value = dense<[0.1000, -0.2000]> : tensor<2xf32>} : () -> tensor<2xf32>
  %m = "nn.constant"() {value = dense<[0.0500, -0.1000]> : tensor<2xf32>} : () -> tensor<2xf32>
  %v = "nn.constant"() {value = dense<[0.9000, 1.2000]> : tensor<2xf32>} : () -> tensor<2xf32>
  %one = "nn.constant"() {value = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %two = "nn.constant"() {value = dense<[2.0, 3.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %sum = "nn.add"(%one, %two) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %c = "nn.conv"(%x, %w) {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x1x4x4xf32>, tensor<2x1x3x3xf32>) -> tensor<1x2x4x4xf32>
  %n = "nn.batch_norm"(%c, %s, %b, %m, %v) {epsilon = 1.0e-5 : f64} : (tensor<1x2x4x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %r = "nn.relu"(%n) : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  "func.return"(%r, %sum) : (tensor<1x2x4x4xf32>, tensor<2xf32>) -> ()
}) {function_type = (tensor<1x1x4x4xf32>) -> (tensor<1x2x4x4xf32>, tensor<2xf32>), sym_name = "main"} : () -> ()
