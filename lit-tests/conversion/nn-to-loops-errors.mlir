// RUN: not %sol-opt -p convert-nn-to-loops %s 2>&1 | FileCheck %s

// CHECK: nn-to-loops-errors.mlir:7:10: error: nn.relu on i32 elements has no lowering yet (floats only)
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<2x3xi32>):
    %0 = "nn.relu"(%x) : (tensor<2x3xi32>) -> tensor<2x3xi32>
    "func.return"(%0) : (tensor<2x3xi32>) -> ()
  }) {function_type = (tensor<2x3xi32>) -> tensor<2x3xi32>, sym_name = "main"} : () -> ()
}) : () -> ()
