// REQUIRES: mlir-opt-16
// The sol-cpu pipeline's output is valid MLIR 16: mlir-opt-16 parses and verifies it.
// RUN: %sol-import %S/../../testdata/onnx-light/light_squeezenet/model.onnx | %sol-opt --pipeline=cpu | mlir-opt-16 | FileCheck %s
// RUN: not %sol-opt --pipeline=gpu %s 2>&1 | FileCheck %s --check-prefix=BAD

// CHECK: memref.global "private" constant @__constant_0
// CHECK: func.func @main(%arg0: memref<1x3x224x224xf32> {onnx.name = "data_0"}, %arg1: memref<1x1000x1x1xf32> {onnx.name = "softmaxout_1"})
// CHECK: scf.for
// CHECK: memref.dealloc
// BAD: unknown pipeline 'gpu'; known: cpu, sol-cpu
