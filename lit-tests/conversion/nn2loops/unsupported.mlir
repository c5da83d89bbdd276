// RUN: not %sol-opt %s --split-input-file -p convert-nn-to-loops 2>&1 | FileCheck %s

// Every nn op except nn.constant (which bufferize turns into a memref.global, see
// constant.mlir) has a lowering; these are the cases it rejects, each with an error at the op.

// Transcendental element-wise ops (sigmoid, tanh, exp, log, sqrt, erf, softplus, gelu, ...),
// softmax and lrn are defined on floats only (the verifier says so, as ONNX does); relu, abs, neg, clip, the arithmetic ops, reductions, max pooling,
// matmul, gemm and data movement take integers too (nn-to-loops-integers.mlir).
// CHECK: unsupported.mlir:[[# @LINE + 3]]:8: error: 'nn.exp' op is defined on floats only, not on i32 elements
"func.func"() ({
^bb0(%x: tensor<2x3xi32>):
  %0 = "nn.exp"(%x) : (tensor<2x3xi32>) -> tensor<2x3xi32>
  "func.return"(%0) : (tensor<2x3xi32>) -> ()
}) {function_type = (tensor<2x3xi32>) -> tensor<2x3xi32>, sym_name = "exp"} : () -> ()

// -----

// Softmax and lrn are refused by their verifiers; pooling by average, resize, conv and
// conv_transpose lower for floats only.
// CHECK: unsupported.mlir:[[# @LINE + 3]]:8: error: 'nn.softmax' op is defined on floats only, not on i32 elements
"func.func"() ({
^bb0(%x: tensor<2x3xi32>):
  %0 = "nn.softmax"(%x) : (tensor<2x3xi32>) -> tensor<2x3xi32>
  "func.return"(%0) : (tensor<2x3xi32>) -> ()
}) {function_type = (tensor<2x3xi32>) -> tensor<2x3xi32>, sym_name = "softmax"} : () -> ()

// -----

// CHECK: unsupported.mlir:[[# @LINE + 3]]:8: error: nn.avg_pool on i32 elements has no lowering yet (floats only)
"func.func"() ({
^bb0(%x: tensor<1x1x2x2xi32>):
  %0 = "nn.avg_pool"(%x) {kernel_shape = array<i64: 2, 2>} : (tensor<1x1x2x2xi32>) -> tensor<1x1x1x1xi32>
  "func.return"(%0) : (tensor<1x1x1x1xi32>) -> ()
}) {function_type = (tensor<1x1x2x2xi32>) -> tensor<1x1x1x1xi32>, sym_name = "avg_pool"} : () -> ()

// -----

// CHECK: unsupported.mlir:[[# @LINE + 3]]:8: error: 'nn.lrn' op is defined on floats only, not on i32 elements
"func.func"() ({
^bb0(%x: tensor<1x2x2xi32>):
  %0 = "nn.lrn"(%x) {size = 1 : i64} : (tensor<1x2x2xi32>) -> tensor<1x2x2xi32>
  "func.return"(%0) : (tensor<1x2x2xi32>) -> ()
}) {function_type = (tensor<1x2x2xi32>) -> tensor<1x2x2xi32>, sym_name = "lrn"} : () -> ()

// -----

// CHECK: unsupported.mlir:[[# @LINE + 3]]:8: error: nn.resize on i32 elements has no lowering yet (floats only)
"func.func"() ({
^bb0(%x: tensor<1x2xi32>):
  %0 = "nn.resize"(%x) {mode = "nearest", sizes = array<i64: 1, 4>, scales = array<f64: 1.0, 2.0>} : (tensor<1x2xi32>) -> tensor<1x4xi32>
  "func.return"(%0) : (tensor<1x4xi32>) -> ()
}) {function_type = (tensor<1x2xi32>) -> tensor<1x4xi32>, sym_name = "resize"} : () -> ()

// -----

// Attribute values outside ONNX's: a resize mode other than nearest, linear and cubic, a pad
// mode other than constant, reflect, edge and wrap.
// CHECK: unsupported.mlir:[[# @LINE + 3]]:8: error: 'nn.resize' op mode must be one of nearest, linear, cubic, got 'area'
"func.func"() ({
^bb0(%x: tensor<1x2xf32>):
  %0 = "nn.resize"(%x) {mode = "area", sizes = array<i64: 1, 4>, scales = array<f64: 1.0, 2.0>} : (tensor<1x2xf32>) -> tensor<1x4xf32>
  "func.return"(%0) : (tensor<1x4xf32>) -> ()
}) {function_type = (tensor<1x2xf32>) -> tensor<1x4xf32>, sym_name = "resize_mode"} : () -> ()

// -----

// CHECK: unsupported.mlir:[[# @LINE + 3]]:8: error: 'nn.pad' op unknown mode 'mirror'
"func.func"() ({
^bb0(%x: tensor<1x2xf32>):
  %0 = "nn.pad"(%x) {mode = "mirror", pads = array<i64: 0, 1, 0, 1>} : (tensor<1x2xf32>) -> tensor<1x4xf32>
  "func.return"(%0) : (tensor<1x4xf32>) -> ()
}) {function_type = (tensor<1x2xf32>) -> tensor<1x4xf32>, sym_name = "pad_mode"} : () -> ()

// -----

// CHECK: unsupported.mlir:[[# @LINE + 3]]:8: error: nn.conv on i32 elements has no lowering yet (floats only)
"func.func"() ({
^bb0(%x: tensor<1x1x2x2xi32>, %y: tensor<1x1x1x1xi32>):
  %0 = "nn.conv"(%x, %y) : (tensor<1x1x2x2xi32>, tensor<1x1x1x1xi32>) -> tensor<1x1x2x2xi32>
  "func.return"(%0) : (tensor<1x1x2x2xi32>) -> ()
}) {function_type = (tensor<1x1x2x2xi32>, tensor<1x1x1x1xi32>) -> tensor<1x1x2x2xi32>, sym_name = "conv"} : () -> ()

// -----

// CHECK: unsupported.mlir:[[# @LINE + 3]]:8: error: nn.conv_transpose on i32 elements has no lowering yet (floats only)
"func.func"() ({
^bb0(%x: tensor<1x1x2x2xi32>, %y: tensor<1x1x1x1xi32>):
  %0 = "nn.conv_transpose"(%x, %y) : (tensor<1x1x2x2xi32>, tensor<1x1x1x1xi32>) -> tensor<1x1x2x2xi32>
  "func.return"(%0) : (tensor<1x1x2x2xi32>) -> ()
}) {function_type = (tensor<1x1x2x2xi32>, tensor<1x1x1x1xi32>) -> tensor<1x1x2x2xi32>, sym_name = "conv_transpose"} : () -> ()
