// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},canonicalize,cse' | FileCheck %s --implicit-check-not='"nn.gemm'
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 l2-cache=1024 l3-cache=2048},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "gemm_constant_weights"
// EQUIV: sym_name = "gemm_transposed"
// EQUIV: sym_name = "gemm_bias_per_row"
// EQUIV: sym_name = "gemm_full_bias"

// A constant B (a weight, here transposed as in a fully connected layer) is packed at compile
// time: panels of 8 columns (2 rows make the tile 2 x 2 vectors), k rows each, zeros past n.
// alpha scales A while it is packed; the tiles start from the bias row C (the last vector
// read with a mask), so no epilogue follows.
// CHECK-LABEL: "memref.global"
// CHECK-SAME: initial_value = dense<{{\[\[\[}}1.000000e+00, 4.000000e+00, 7.000000e+00, 1.000000e+01, 1.300000e+01, 0.000000e+00, 0.000000e+00, 0.000000e+00], [2.000000e+00, 5.000000e+00, 8.000000e+00, 1.100000e+01, 1.400000e+01, 0.000000e+00, 0.000000e+00, 0.000000e+00], [3.000000e+00, 6.000000e+00, 9.000000e+00, 1.200000e+01, 1.500000e+01, 0.000000e+00, 0.000000e+00, 0.000000e+00]]]> : tensor<1x3x8xf32>
// CHECK-SAME: sym_name = "__constant_0"
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xf32>, %[[C:.*]]: tensor<5xf32>):
// CHECK-DAG: %[[HALF:.*]] = "arith.constant"() {value = 5.000000e-01 : f32}
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]])
// CHECK-DAG: %[[CM:.*]] = "bufferization.to_memref"(%[[C]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x5xf32>
// CHECK: %[[PB:.*]] = "memref.get_global"() {name = @__constant_0} : () -> memref<1x3x8xf32>
// CHECK: %[[PA:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x3x2xf32>
// CHECK: %[[X:.*]] = "memref.load"(%[[AM]], %{{.*}}, %{{.*}})
// CHECK-NEXT: %[[AX:.*]] = "arith.mulf"(%[[X]], %[[HALF]])
// CHECK-NEXT: "memref.store"(%[[AX]], %[[PA]], %{{.*}}, %{{.*}}, %{{.*}})
// CHECK: %[[C0:.*]] = "vector.load"(%[[CM]], %{{.*}}) : (memref<5xf32>, index) -> vector<4xf32>
// CHECK-NEXT: %[[C1:.*]] = "vector.transfer_read"(%[[CM]], %{{.*}}, %{{.*}}) {in_bounds = [false]{{.*}} : (memref<5xf32>, index, f32) -> vector<4xf32>
// CHECK-NEXT: %[[ACC:.*]]:4 = "scf.for"(%{{.*}}, %{{.*}}, %{{.*}}, %[[C0]], %[[C1]], %[[C0]], %[[C1]]) ({
// CHECK: "vector.load"(%[[PB]], %{{.*}}, %{{.*}}, %{{.*}}) : (memref<1x3x8xf32>, index, index, index) -> vector<4xf32>
// CHECK: "vector.load"(%[[PB]], %{{.*}}, %{{.*}}, %{{.*}}) : (memref<1x3x8xf32>, index, index, index) -> vector<4xf32>
// CHECK-COUNT-4: "vector.fma"
// CHECK: "vector.store"(%[[ACC]]#0, %[[OUT]]
// CHECK-NEXT: "vector.transfer_write"(%[[ACC]]#1, %[[OUT]]
// CHECK-NEXT: "vector.store"(%[[ACC]]#2, %[[OUT]]
// CHECK-NEXT: "vector.transfer_write"(%[[ACC]]#3, %[[OUT]]
// CHECK-NEXT: "bufferization.to_tensor"(%[[OUT]])
// CHECK: sym_name = "gemm_constant_weights"
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %c: tensor<5xf32>):
  %w = "nn.constant"() {value = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0], [10.0, 11.0, 12.0], [13.0, 14.0, 15.0]]> : tensor<5x3xf32>} : () -> tensor<5x3xf32>
  %0 = "nn.gemm"(%a, %w, %c) {alpha = 0.5 : f32, trans_b = 1 : i64} : (tensor<2x3xf32>, tensor<5x3xf32>, tensor<5xf32>) -> tensor<2x5xf32>
  "func.return"(%0) : (tensor<2x5xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<5xf32>) -> tensor<2x5xf32>, sym_name = "gemm_constant_weights"} : () -> ()

// Both operands transposed and computed at run time: packing reads A at [k, i] and B at [j, k];
// beta scales the bias (a scalar here, broadcast to every lane).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<9x13xf32>, %[[B:.*]]: tensor<11x9xf32>, %[[C:.*]]: tensor<1xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK-DAG: %[[CM:.*]] = "bufferization.to_memref"(%[[C]])
// CHECK: "scf.for"
// CHECK: "memref.load"(%[[BM]], %{{.*}}, %{{.*}}) : (memref<11x9xf32>, index, index) -> f32
// CHECK: "memref.load"(%[[AM]], %{{.*}}, %{{.*}}) : (memref<9x13xf32>, index, index) -> f32
// CHECK: %[[CS:.*]] = "memref.load"(%[[CM]], %{{.*}}) : (memref<1xf32>, index) -> f32
// CHECK-NEXT: %[[CV:.*]] = "vector.broadcast"(%[[CS]]) : (f32) -> vector<4xf32>
// CHECK-NEXT: %[[BETA:.*]] = "vector.broadcast"(%{{.*}}) : (f32) -> vector<4xf32>
// CHECK-NEXT: "arith.mulf"(%[[CV]], %[[BETA]]) : (vector<4xf32>, vector<4xf32>) -> vector<4xf32>
// CHECK: "vector.fma"
// CHECK: sym_name = "gemm_transposed"
"func.func"() ({
^bb0(%a: tensor<9x13xf32>, %b: tensor<11x9xf32>, %c: tensor<1xf32>):
  %0 = "nn.gemm"(%a, %b, %c) {beta = 2.0 : f32, trans_a = 1 : i64, trans_b = 1 : i64} : (tensor<9x13xf32>, tensor<11x9xf32>, tensor<1xf32>) -> tensor<13x11xf32>
  "func.return"(%0) : (tensor<13x11xf32>) -> ()
}) {function_type = (tensor<9x13xf32>, tensor<11x9xf32>, tensor<1xf32>) -> tensor<13x11xf32>, sym_name = "gemm_transposed"} : () -> ()

// A bias per row (m x 1): each row's value broadcast.
// CHECK-LABEL: "func.func"
// CHECK: "memref.load"(%{{.*}}, %{{.*}}, %{{.*}}) : (memref<7x1xf32>, index, index) -> f32
// CHECK-NEXT: "vector.broadcast"
// CHECK: sym_name = "gemm_bias_per_row"
"func.func"() ({
^bb0(%a: tensor<7x70xf32>, %b: tensor<70x6xf32>, %c: tensor<7x1xf32>):
  %0 = "nn.gemm"(%a, %b, %c) : (tensor<7x70xf32>, tensor<70x6xf32>, tensor<7x1xf32>) -> tensor<7x6xf32>
  "func.return"(%0) : (tensor<7x6xf32>) -> ()
}) {function_type = (tensor<7x70xf32>, tensor<70x6xf32>, tensor<7x1xf32>) -> tensor<7x6xf32>, sym_name = "gemm_bias_per_row"} : () -> ()

// A full m x n bias: the tiles start from C's rows.
// CHECK-LABEL: "func.func"
// CHECK: "vector.load"(%{{.*}}, %{{.*}}, %{{.*}}) : (memref<8x9xf32>, index, index) -> vector<4xf32>
// CHECK: "vector.transfer_read"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) {in_bounds = [false]{{.*}} : (memref<8x9xf32>, index, index, f32) -> vector<4xf32>
// CHECK: sym_name = "gemm_full_bias"
"func.func"() ({
^bb0(%a: tensor<8x5xf32>, %b: tensor<5x9xf32>, %c: tensor<8x9xf32>):
  %0 = "nn.gemm"(%a, %b, %c) : (tensor<8x5xf32>, tensor<5x9xf32>, tensor<8x9xf32>) -> tensor<8x9xf32>
  "func.return"(%0) : (tensor<8x9xf32>) -> ()
}) {function_type = (tensor<8x5xf32>, tensor<5x9xf32>, tensor<8x9xf32>) -> tensor<8x9xf32>, sym_name = "gemm_full_bias"} : () -> ()
