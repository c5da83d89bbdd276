// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' | FileCheck %s
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// Two kernels on the same constant weights (as the unrolled steps of an LSTM are): the weights
// packed for the product at compile time, and the constant itself, are one private global
// each, which both functions read, not a copy per kernel.
// CHECK: "memref.global"() {alignment = 64 : i64, constant, initial_value = dense<"0x{{[0-9A-F]+}}"> : tensor<2x1x8x8xf32>, sym_name = "[[PACKED:[^"]+]]", sym_visibility = "private", type = memref<2x1x8x8xf32>}
// CHECK-NOT: "memref.global"() {{.*}} tensor<2x1x8x8xf32>
// CHECK: "memref.global"() {alignment = 64 : i64, constant, initial_value = dense<{{.*}}> : tensor<16x8xf32>, sym_name = "[[RAW:[^"]+]]", sym_visibility = "private", type = memref<16x8xf32>}
// CHECK-NOT: "memref.global"
// CHECK: "memref.get_global"() {name = @[[RAW]]}
// CHECK: "memref.get_global"() {name = @[[PACKED]]}
// CHECK: sym_name = "step0"
// CHECK: "memref.get_global"() {name = @[[RAW]]}
// CHECK: "memref.get_global"() {name = @[[PACKED]]}
// CHECK: sym_name = "step1"

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "step1"
"func.func"() ({
^bb0(%h: tensor<1x8xf32>):
  %w = "nn.constant"() {value = dense<[[0.50, -0.75, 0.75, -0.75, 0.50, 0.75, 0.00, 0.25], [1.00, -1.25, -2.00, -1.00, 0.25, 2.00, -0.25, 0.00], [-0.25, 0.50, -0.75, 1.25, -1.25, -1.25, 0.50, 0.50], [-0.25, 1.50, -0.75, -1.50, 0.50, -0.50, 1.50, 0.00], [-0.25, -1.25, -1.75, 2.00, -0.50, 0.50, -0.75, 0.00], [0.50, -1.50, 0.75, -1.00, 1.25, 0.25, 2.00, 0.00], [1.50, 0.75, 1.25, 0.25, 1.25, 1.25, -1.75, 1.25], [-1.00, -0.50, -2.00, 1.75, 2.00, 1.25, -0.25, -1.75], [1.50, 2.00, 0.25, 0.50, -0.25, -1.50, 0.25, -1.25], [-0.25, -1.75, -1.75, 2.00, -0.50, 1.25, -1.75, -2.00], [1.75, -1.25, -0.75, 2.00, 0.25, -0.25, -2.00, 2.00], [1.25, -1.75, -1.25, 0.50, -1.00, 0.00, 1.75, -1.75], [0.75, -0.25, -0.50, -1.25, -1.25, -0.75, -0.25, 0.00], [-1.00, -2.00, 1.75, 1.00, -1.75, 0.00, -0.25, 0.00], [2.00, 2.00, 1.25, -1.75, 1.75, 0.50, -2.00, -1.75], [-1.00, -1.75, -1.25, -1.75, -1.50, 1.75, -1.75, -1.50]]> : tensor<16x8xf32>} : () -> tensor<16x8xf32>
  %0 = "nn.gemm"(%h, %w) {trans_b = 1 : i64} : (tensor<1x8xf32>, tensor<16x8xf32>) -> tensor<1x16xf32>
  "func.return"(%0) : (tensor<1x16xf32>) -> ()
}) {function_type = (tensor<1x8xf32>) -> tensor<1x16xf32>, sym_name = "step0"} : () -> ()
"func.func"() ({
^bb0(%h: tensor<1x8xf32>):
  %w = "nn.constant"() {value = dense<[[0.50, -0.75, 0.75, -0.75, 0.50, 0.75, 0.00, 0.25], [1.00, -1.25, -2.00, -1.00, 0.25, 2.00, -0.25, 0.00], [-0.25, 0.50, -0.75, 1.25, -1.25, -1.25, 0.50, 0.50], [-0.25, 1.50, -0.75, -1.50, 0.50, -0.50, 1.50, 0.00], [-0.25, -1.25, -1.75, 2.00, -0.50, 0.50, -0.75, 0.00], [0.50, -1.50, 0.75, -1.00, 1.25, 0.25, 2.00, 0.00], [1.50, 0.75, 1.25, 0.25, 1.25, 1.25, -1.75, 1.25], [-1.00, -0.50, -2.00, 1.75, 2.00, 1.25, -0.25, -1.75], [1.50, 2.00, 0.25, 0.50, -0.25, -1.50, 0.25, -1.25], [-0.25, -1.75, -1.75, 2.00, -0.50, 1.25, -1.75, -2.00], [1.75, -1.25, -0.75, 2.00, 0.25, -0.25, -2.00, 2.00], [1.25, -1.75, -1.25, 0.50, -1.00, 0.00, 1.75, -1.75], [0.75, -0.25, -0.50, -1.25, -1.25, -0.75, -0.25, 0.00], [-1.00, -2.00, 1.75, 1.00, -1.75, 0.00, -0.25, 0.00], [2.00, 2.00, 1.25, -1.75, 1.75, 0.50, -2.00, -1.75], [-1.00, -1.75, -1.25, -1.75, -1.50, 1.75, -1.75, -1.50]]> : tensor<16x8xf32>} : () -> tensor<16x8xf32>
  %0 = "nn.gemm"(%h, %w) {trans_b = 1 : i64} : (tensor<1x8xf32>, tensor<16x8xf32>) -> tensor<1x16xf32>
  "func.return"(%0) : (tensor<1x16xf32>) -> ()
}) {function_type = (tensor<1x8xf32>) -> tensor<1x16xf32>, sym_name = "step1"} : () -> ()
