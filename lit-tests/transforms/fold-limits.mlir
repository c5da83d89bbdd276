// Folding evaluates at most 16M elements (operands and results together, NnOp.MAX_FOLD_ELEMENTS):
// a broadcast of a constant to 2^30 elements stays an op, in a small heap, and smaller ones fold.
// RUN: env SOL_JAVA_OPTS=-Xmx256m %sol-opt -p nn-fold-constants %s | FileCheck %s
// RUN: env SOL_JAVA_OPTS=-Xmx256m %sol-opt -p canonicalize %s | FileCheck %s

// CHECK: "nn.add"
// CHECK: sym_name = "huge"
"func.func"() ({
  %0 = "nn.constant"() {value = dense<1.0> : tensor<1073741824xf32>} : () -> tensor<1073741824xf32>
  %1 = "nn.constant"() {value = dense<2.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %2 = "nn.add"(%0, %1) : (tensor<1073741824xf32>, tensor<1xf32>) -> tensor<1073741824xf32>
  "func.return"(%2) : (tensor<1073741824xf32>) -> ()
}) {function_type = () -> tensor<1073741824xf32>, sym_name = "huge"} : () -> ()

// CHECK-NOT: "nn.add"
// CHECK: dense<3.000000e+00> : tensor<4xf32>
// CHECK-NOT: "nn.add"
// CHECK: sym_name = "small"
"func.func"() ({
  %0 = "nn.constant"() {value = dense<1.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %1 = "nn.constant"() {value = dense<2.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %2 = "nn.add"(%0, %1) : (tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>
  "func.return"(%2) : (tensor<4xf32>) -> ()
}) {function_type = () -> tensor<4xf32>, sym_name = "small"} : () -> ()
