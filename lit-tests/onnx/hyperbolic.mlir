// Tan and the hyperbolic functions import as compositions of nn ops (HyperbolicOps). asinh x is
// sign(x) log(|x| + sqrt(x^2 + 1)), on |x| so that large negative x does not cancel.
// RUN: %sol-import %S/../../testdata/generated/op_hyperbolic_asinh/model.onnx | FileCheck %s --check-prefix=ASINH
// ASINH-DAG: %[[A:.*]] = "nn.abs"(%arg0)
// ASINH-DAG: %[[SQ:.*]] = "nn.mul"(%arg0, %arg0)
// ASINH: %[[R:.*]] = "nn.sqrt"(%{{.*}})
// ASINH-DAG: %[[SIGN:.*]] = "nn.sign"(%arg0)
// ASINH-DAG: %[[S:.*]] = "nn.add"(%[[A]], %[[R]])
// ASINH: %[[L:.*]] = "nn.log"(%[[S]])
// ASINH: %[[Y:.*]] = "nn.mul"(%[[SIGN]], %[[L]])
// ASINH: "func.return"(%[[Y]])
// tan = sin / cos:
// RUN: %sol-import %S/../../testdata/generated/op_hyperbolic_tan/model.onnx | FileCheck %s --check-prefix=TAN
// TAN-DAG: %[[SIN:.*]] = "nn.sin"(%arg0)
// TAN-DAG: %[[COS:.*]] = "nn.cos"(%arg0)
// TAN: "nn.div"(%[[SIN]], %[[COS]])
// The compiled compositions agree with ONNX Runtime across each function's domain:
// RUN: %sol-run --backend=jit --onnx-test %S/../../testdata/generated/op_hyperbolic_asinh %S/../../testdata/generated/op_hyperbolic_acosh %S/../../testdata/generated/op_hyperbolic_atanh | FileCheck %s --check-prefix=OUT
// OUT: 3 passed, 0 failed
