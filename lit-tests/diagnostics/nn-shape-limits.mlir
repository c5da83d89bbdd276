// The nn verifier rejects inferred shapes that wrapped around or went negative, and more results than SOL handles, for every op at once.
// RUN: %sol-opt --split-input-file --verify-diagnostics %s

"func.func"() ({
^bb0(%x: tensor<4xui8>):
  // 2^62 + 1 times 4 is 4 in 64-bit arithmetic, so the element counts seem to agree.
  // expected-error @+1 {{'nn.reshape' op result #0 would have shape [4611686018427387905, 4], which has a dimension of 4611686018427387905, more than SOL's limit of 2147483647}}
  %0 = "nn.reshape"(%x) {shape = array<i64: 4611686018427387905, 4>} : (tensor<4xui8>) -> tensor<4xui8>
  "func.return"(%0) : (tensor<4xui8>) -> ()
}) {function_type = (tensor<4xui8>) -> tensor<4xui8>, sym_name = "wrapped"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<4xf32>):
  // expected-error @+1 {{'nn.reshape' op result #0 would have shape [-2, -2], which has a negative dimension (-2)}}
  %0 = "nn.reshape"(%x) {shape = array<i64: -2, -2>} : (tensor<4xf32>) -> tensor<4xf32>
  "func.return"(%0) : (tensor<4xf32>) -> ()
}) {function_type = (tensor<4xf32>) -> tensor<4xf32>, sym_name = "negative"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<1x1x1x1xf32>, %w: tensor<1x1x1x1xf32>):
  // Pads larger than the output: 1 - 3 - 3 is -5.
  // expected-error @+1 {{'nn.conv_transpose' op result #0 would have shape [1, 1, -5, -5], which has a negative dimension (-5)}}
  %0 = "nn.conv_transpose"(%x, %w) {pads = array<i64: 3, 3, 3, 3>} : (tensor<1x1x1x1xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x1x1xf32>
  "func.return"(%0) : (tensor<1x1x1x1xf32>) -> ()
}) {function_type = (tensor<1x1x1x1xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x1x1xf32>, sym_name = "deconv"} : () -> ()

// More results than SOL's limit are refused before their types are even inferred:
// RUN: python3 -c "n = 4097; p = chr(37); print('\"func.func\"() ({\n^bb0(' + p + 'x: tensor<4xf32>):\n  ' + p + '0:' + str(n) + ' = \"nn.split\"(' + p + 'x) {axis = 0 : i64, sizes = array<i64: ' + ', '.join(['0'] * n) + '>} : (tensor<4xf32>) -> (' + ', '.join(['tensor<0xf32>'] * n) + ')\n  \"func.return\"() : () -> ()\n}) {function_type = (tensor<4xf32>) -> (), sym_name = \"f\"} : () -> ()')" > %t.split.mlir
// RUN: not %sol-opt %t.split.mlir 2>&1 | FileCheck %s --check-prefix=SPLIT
// SPLIT: split.mlir:3:13: error: 'nn.split' op has 4097 results, more than SOL's limit of 4096
