// RUN: not %sol-opt -p convert-nn-to-loops --split-input-file %s 2>&1 | FileCheck %s
// RUN: not %sol-opt -p convert-nn-to-loops --print-ir-after-failure --split-input-file %s 2>&1 | FileCheck %s --check-prefix=ROLLBACK

// CHECK: nn-to-loops-errors.mlir:[[# @LINE + 5]]:10: error: nn.avg_pool on ui32 elements has no lowering yet (floats only)
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x1x2x2xui32>, %y: tensor<3xf32>):
    %0 = "nn.relu"(%y) : (tensor<3xf32>) -> tensor<3xf32>
    %1 = "nn.avg_pool"(%x) {kernel_shape = array<i64: 1, 1>} : (tensor<1x1x2x2xui32>) -> tensor<1x1x2x2xui32>
    "func.return"(%1, %0) : (tensor<1x1x2x2xui32>, tensor<3xf32>) -> ()
  }) {function_type = (tensor<1x1x2x2xui32>, tensor<3xf32>) -> (tensor<1x1x2x2xui32>, tensor<3xf32>), sym_name = "main"} : () -> ()
}) : () -> ()

// A failed conversion leaves the IR as it was, also what earlier ops' patterns made (and the
// casts of unsigned tensors to their signless twins).
// ROLLBACK: error: nn.avg_pool on ui32
// ROLLBACK: IR Dump After convert-nn-to-loops Failed
// ROLLBACK-NOT: scf.for
// ROLLBACK-NOT: unrealized_conversion_cast
// ROLLBACK: "nn.relu"
// ROLLBACK-NEXT: "nn.avg_pool"

// -----

// Padding modes other than ONNX's four are rejected by the verifier, before any lowering.
// CHECK: nn-to-loops-errors.mlir:[[# @LINE + 4]]:10: error: 'nn.pad' op unknown mode 'mirror'
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<4xf32>):
    %0 = "nn.pad"(%x) {pads = array<i64: 1, 1>, mode = "mirror"} : (tensor<4xf32>) -> tensor<6xf32>
    "func.return"(%0) : (tensor<6xf32>) -> ()
  }) {function_type = (tensor<4xf32>) -> tensor<6xf32>, sym_name = "main"} : () -> ()
}) : () -> ()
