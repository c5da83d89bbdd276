// RUN: not %sol-translate %s 2>&1 | FileCheck %s
// RUN: %sol-opt --pipeline=cpu %s | %sol-translate | FileCheck %s --check-prefix=LOWERED
// RUN: not %sol-translate --target=ve-c %s 2>&1 | FileCheck %s --check-prefix=VE
// VE: error: 'nn.relu' is not lowered to loops on buffers; run sol-opt --pipeline=ve first

// CHECK: translate-unlowered.mlir:[[# @LINE + 10]]:10: error: 'nn.relu' is not lowered to loops on buffers; run sol-opt --pipeline=cpu first
// The temporary between relu and neg lives in the arena (the third argument): no allocation.
// LOWERED-NOT: aligned_alloc
// LOWERED: define void @main(ptr noalias %0, ptr noalias %1, ptr noalias %2)
// LOWERED: %[[NEG:.*]] = fcmp olt float %[[X:.*]], 0.000000e+00
// LOWERED-NEXT: select i1 %[[NEG]], float 0.000000e+00, float %[[X]]
// LOWERED-NOT: @free(
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<2x3xf32>):
    %0 = "nn.relu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = "nn.neg"(%0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
    "func.return"(%1) : (tensor<2x3xf32>) -> ()
  }) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "main"} : () -> ()
}) : () -> ()
