// REQUIRES: mlir-opt-16
// The sol-cpu pipeline's output is valid MLIR 16: mlir-opt-16 parses and verifies it.
// RUN: %sol-import %S/../../testdata/onnx-light/light_squeezenet/model.onnx | %sol-opt --pipeline=cpu | mlir-opt-16 | FileCheck %s
// RUN: not %sol-opt --pipeline=gpu %s 2>&1 | FileCheck %s --check-prefix=BAD
// Integer tensors of every signedness: buffers of signless integers, the unsigned arith
// variants, and (before bufferize) the casts of unsigned tensors to their signless twins.
// RUN: %sol-opt --split-input-file --pipeline=cpu %S/nn-to-loops-integers.mlir | mlir-opt-16 --split-input-file | FileCheck %s --check-prefix=INTS
// RUN: %sol-opt --split-input-file -p convert-nn-to-loops %S/nn-to-loops-integers.mlir | mlir-opt-16 --split-input-file --allow-unregistered-dialect | FileCheck %s --check-prefix=CASTS

// CHECK: memref.global "private" constant @__constant_0
// CHECK: func.func @main(%arg0: memref<1x3x224x224xf32> {onnx.name = "data_0"}, %arg1: memref<1x1000x1x1xf32> {onnx.name = "softmaxout_1"}, %arg2: memref<[[N:[0-9]+]]xi8> {sol.arena})
// CHECK: memref.view %arg2[%{{.*}}][] : memref<[[N]]xi8> to memref<1x64x111x111xf32>
// CHECK: scf.for
// CHECK-NOT: memref.alloc()
// CHECK-NOT: memref.dealloc
// BAD: unknown pipeline 'gpu'; known: cpu, sol-cpu
// INTS: memref.global "private" constant @__constant_0 : memref<4xi8> = dense<[-56, -6, 3, -127]>
// INTS: func.func @main(%arg0: memref<4xi8>, %arg1: memref<4xi8>, %arg2: memref<4xi8>, %arg3: memref<4xi8>, %arg4: memref<128xi8> {sol.arena})
// INTS: arith.divui %{{.*}}, %{{.*}} : i8
// INTS: arith.maxui %{{.*}}, %{{.*}} : i8
// CASTS: %[[C:.*]] = builtin.unrealized_conversion_cast %arg0 : tensor<4xui8> to tensor<4xi8>
// CASTS: bufferization.to_memref %[[C]] : memref<4xi8>
