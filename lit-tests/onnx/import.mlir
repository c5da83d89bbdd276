// sol-import turns ONNX models into the nn dialect; bad models give one error line and exit 1.
// RUN: %sol-import %S/../../testdata/onnx-node/test_add/model.onnx | FileCheck %s
// CHECK: ^bb0(%arg0: tensor<3x4x5xf32>, %arg1: tensor<3x4x5xf32>):
// CHECK-NEXT: %0 = "nn.add"(%arg0, %arg1) : (tensor<3x4x5xf32>, tensor<3x4x5xf32>) -> tensor<3x4x5xf32>
// CHECK-NEXT: "func.return"(%0) : (tensor<3x4x5xf32>) -> ()
// CHECK-NEXT: }) {arg_attrs = [{onnx.name = "x"}, {onnx.name = "y"}], function_type = (tensor<3x4x5xf32>, tensor<3x4x5xf32>) -> tensor<3x4x5xf32>, res_attrs = [{onnx.name = "sum"}], sym_name = "main"} : () -> ()

// Node names become locations:
// RUN: %sol-import %S/../../testdata/onnx-node/test_add/model.onnx --mlir-print-debuginfo | FileCheck %s --check-prefix=LOC
// LOC: "nn.add"(%arg0, %arg1) {{.*}} loc(#[[L:loc[0-9]*]])
// LOC: #[[L]] = loc("sum")

// An operand that decides a shape must be known when importing; a graph input is used only when given with --constant:
// RUN: not %sol-import %S/../../testdata/onnx-node/test_constantofshape_float_ones/model.onnx 2>&1 | FileCheck %s --check-prefix=SYMSHAPE
// SYMSHAPE: sol-import: error: {{.*}}model.onnx: node 'y' (ConstantOfShape): the shape (input #0) comes from graph input 'x', whose value must be known when compiling; give it with --constant x=FILE.pb
// RUN: %sol-import %S/../../testdata/onnx-node/test_constantofshape_float_ones/model.onnx --constant x=%S/../../testdata/onnx-node/test_constantofshape_float_ones/test_data_set_0/input_0.pb | FileCheck %s --check-prefix=CONST
// CONST: "nn.constant"() {value = dense<[4, 3, 2]> : tensor<3xi64>}
// CONST-NEXT: %1 = "nn.constant"() {value = dense<1.000000e+00> : tensor<4x3x2xf32>}
// CONST: res_attrs = [{onnx.name = "y"}]

// Weights become constants; a whole CNN imports and verifies.
// RUN: %sol-import %S/../../testdata/onnx-light/light_squeezenet/model.onnx | FileCheck %s --check-prefix=SQUEEZE
// SQUEEZE: "nn.constant"() {value = dense<
// SQUEEZE: "nn.conv"
// SQUEEZE: "nn.softmax"
// SQUEEZE-NOT: "nn.shape"

// RUN: echo garbage > %t.onnx && not %sol-import %t.onnx 2>&1 | FileCheck %s --check-prefix=GARBAGE
// GARBAGE: sol-import: error: {{.*}}.onnx is not a valid ONNX model
// GARBAGE-NOT: at dev.sol
// GARBAGE-NOT: WARNING
// RUN: head -c 300 %S/../../testdata/onnx-light/light_squeezenet/model.onnx > %t.trunc.onnx && not %sol-import %t.trunc.onnx 2>&1 | FileCheck %s --check-prefix=TRUNC
// TRUNC: sol-import: error: {{.*}} is not a valid ONNX model (While parsing a protocol message, the input ended unexpectedly
// RUN: not %sol-import %t.missing.onnx 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: sol-import: error: cannot read
// RUN: not %sol-import %S/../../testdata/onnx-node/test_add/model.onnx --shape x=1,a 2>&1 | FileCheck %s --check-prefix=BADSHAPE
// BADSHAPE: sol-import: error: --shape x=1,a: 'a' is not a dimension

// sol-opt takes sol-import's output as it is (the nn dialect is loaded without --allow-unregistered-dialect):
// RUN: %sol-import %S/../../testdata/generated/net_resnet/model.onnx > %t.resnet.mlir
// RUN: %sol-opt %t.resnet.mlir --nn-fold-batchnorm --canonicalize --check-equivalence | FileCheck %s --check-prefix=RESNET
// RESNET-NOT: "nn.batch_norm"
// RESNET: "nn.conv"

// InstanceNormalization: nn.layer_norm over the spatial axes with a unit scale, then the
// per-channel scale and bias as an nn.batch_norm of mean 0, variance 1 and epsilon 0:
// RUN: %sol-import %S/../../testdata/generated/net_stylenet/model.onnx | FileCheck %s --check-prefix=INSTNORM
// INSTNORM: %[[C:.*]] = "nn.conv"(%arg0,
// INSTNORM-NEXT: %[[ONES:.*]] = "nn.constant"() {value = dense<1.000000e+00> : tensor<32x32xf32>}
// INSTNORM-NEXT: %[[N:.*]]:3 = "nn.layer_norm"(%[[C]], %[[ONES]]) {axis = 2 : i64, epsilon = 9.99{{[0-9]*}}E-6 : f64}
// INSTNORM-NEXT: %[[MEAN:.*]] = "nn.constant"() {value = dense<0.000000e+00> : tensor<8xf32>}
// INSTNORM-NEXT: %[[VAR:.*]] = "nn.constant"() {value = dense<1.000000e+00> : tensor<8xf32>}
// INSTNORM-NEXT: "nn.batch_norm"(%[[N]]#0, %{{.*}}, %{{.*}}, %[[MEAN]], %[[VAR]]) {epsilon = 0.000000e+00 : f64}

// ArgMax (and ArgMin) with its axis, keepdims and select_last_index, an i64 result:
// RUN: %sol-import %S/../../testdata/generated/net_segmenter/model.onnx | FileCheck %s --check-prefix=ARGMAX
// ARGMAX: "nn.argmax"(%{{.*}}) {axis = 1 : i64, keepdims = 0 : i64, select_last_index = 0 : i64} : (tensor<1x5x32x32xf32>) -> tensor<1x32x32xi64>
