// profile-kernels: every nn op but nn.constant is a kernel, named by its location (made unique),
// and the function records its kernels with their FLOPs (a multiply-add counts two).
// RUN: %sol-opt %s -p profile-kernels --mlir-print-debuginfo | FileCheck %s
// Running it again changes nothing:
// RUN: %sol-opt %s -p profile-kernels,profile-kernels --mlir-print-debuginfo | FileCheck %s

// conv: 1x4x8x8 outputs, each 3x3x3 multiply-adds: 2 * 256 * 27 = 13824; a fused location gives both names.
// relu: one per element, 256; the second "relu" becomes "relu#2".
// max_pool with a file position only: op and position, 64 outputs of a 2x2 window.
// reshape without a location: op and position, no arithmetic.
// gemm 1x64 by 64x10 (a call site names its callee): 2 * 10 * 64; softmax: 5 per element; batched matmul 2x(3x5 by 5x7): 2 * 42 * 5.
// CHECK: "nn.conv"{{.*}} loc([[CONV:#loc[0-9]+]])
// CHECK: "nn.relu"{{.*}} loc([[RELU:#loc[0-9]+]])
// CHECK: "nn.relu"{{.*}} loc([[RELU2:#loc[0-9]+]])
// CHECK: "nn.max_pool"{{.*}} loc([[POOL:#loc[0-9]+]])
// CHECK: "nn.reshape"{{.*}} loc([[RESHAPE:#loc[0-9]+]])
// CHECK: "nn.gemm"{{.*}} loc([[GEMM:#loc[0-9]+]])
// CHECK: }) {function_type = {{.*}}, sol.kernels = [{flops = 13824 : i64, name = "conv1+bn1", op = "nn.conv"}, {flops = 256 : i64, name = "relu", op = "nn.relu"}, {flops = 256 : i64, name = "relu#2", op = "nn.relu"}, {flops = 256 : i64, name = "max_pool_3", op = "nn.max_pool"}, {flops = 0 : i64, name = "reshape_4", op = "nn.reshape"}, {flops = 1280 : i64, name = "fc", op = "nn.gemm"}, {flops = 50 : i64, name = "prob", op = "nn.softmax"}, {flops = 420 : i64, name = "mm", op = "nn.matmul"}], sym_name = "main"}
// CHECK-DAG: [[CONV]] = loc("conv1+bn1"(
// CHECK-DAG: [[RELU]] = loc("relu")
// CHECK-DAG: [[RELU2]] = loc("relu#2"(
// CHECK-DAG: [[POOL]] = loc("max_pool_3"(
// CHECK-DAG: [[RESHAPE]] = loc("reshape_4")
// CHECK-DAG: [[GEMM]] = loc("fc"(
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x3x8x8xf32>, %a: tensor<2x3x5xf32>, %bm: tensor<2x5x7xf32>):
    %w = "nn.constant"() {value = dense<1.0> : tensor<4x3x3x3xf32>} : () -> tensor<4x3x3x3xf32> loc("w")
    %c = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32> loc(fused["conv1", "bn1"])
    %r = "nn.relu"(%c) : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32> loc("relu")
    %r2 = "nn.relu"(%r) : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32> loc("relu")
    %p = "nn.max_pool"(%r2) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32> loc("model.onnx":3:0)
    %f = "nn.reshape"(%p) {shape = array<i64: 1, 64>} : (tensor<1x4x4x4xf32>) -> tensor<1x64xf32> loc(unknown)
    %fc = "nn.constant"() {value = dense<0.5> : tensor<10x64xf32>} : () -> tensor<10x64xf32> loc("fc_w")
    %g = "nn.gemm"(%f, %fc) {trans_b = 1 : i64} : (tensor<1x64xf32>, tensor<10x64xf32>) -> tensor<1x10xf32> loc(callsite("fc" at "model.onnx":9:0))
    %s = "nn.softmax"(%g) {axis = 1 : i64} : (tensor<1x10xf32>) -> tensor<1x10xf32> loc("prob")
    %m = "nn.matmul"(%a, %bm) : (tensor<2x3x5xf32>, tensor<2x5x7xf32>) -> tensor<2x3x7xf32> loc("mm")
    "func.return"(%s, %m) : (tensor<1x10xf32>, tensor<2x3x7xf32>) -> ()
  }) {function_type = (tensor<1x3x8x8xf32>, tensor<2x3x5xf32>, tensor<2x5x7xf32>) -> (tensor<1x10xf32>, tensor<2x3x7xf32>), sym_name = "main"} : () -> ()
}) : () -> ()
