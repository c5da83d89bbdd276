// nn.log_softmax on integers is rejected with its own name in the message.
// RUN: not %sol-opt %s -p convert-nn-to-loops 2>&1 | FileCheck %s

// CHECK: log-softmax-error.mlir:[[# @LINE + 3]]:8: error: 'nn.log_softmax' op is defined on floats only, not on i32 elements
"func.func"() ({
^bb0(%x: tensor<2x3xi32>):
  %0 = "nn.log_softmax"(%x) : (tensor<2x3xi32>) -> tensor<2x3xi32>
  "func.return"(%0) : (tensor<2x3xi32>) -> ()
}) {function_type = (tensor<2x3xi32>) -> tensor<2x3xi32>, sym_name = "log_softmax_i32"} : () -> ()
