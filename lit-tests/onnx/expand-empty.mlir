// Expand to a shape with a 0 dimension (as a batch of 0 expands a ViT's class token) imports as
// an empty constant of that shape, whose input is never read, and runs on both backends.
// RUN: %sol-import %S/Inputs/bad/expand_empty.onnx | FileCheck %s
// CHECK: %[[E:.*]] = "nn.constant"() {value = dense<> : tensor<0xi64>} : () -> tensor<0xi64>
// CHECK-NEXT: "func.return"(%[[E]])
// RUN: %sol-run %S/Inputs/bad/expand_empty.onnx --input %S/Inputs/bad/x_int64_1.pb | FileCheck %s --check-prefix=OUT
// RUN: %sol-run --backend=jit %S/Inputs/bad/expand_empty.onnx --input %S/Inputs/bad/x_int64_1.pb | FileCheck %s --check-prefix=OUT
// OUT: output #0 y: tensor<0xi64> []
