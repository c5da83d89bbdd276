// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.gemm without C and with alpha = 1: A * B in i-k-j order (zero the row, then add
// A[i, k] * B[k, j] along the row for each k), and no epilogue loop.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3x4xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x4xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ0:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ0]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J0:.*]]: index):
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK: "memref.store"(%[[ZERO]], %[[OUT]], %[[I]], %[[J0]])
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index):
// CHECK: %[[X:.*]] = "memref.load"(%[[AM]], %[[I]], %[[K]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[Y:.*]] = "memref.load"(%[[BM]], %[[K]], %[[J]]) : (memref<3x4xf32>, index, index) -> f32
// CHECK-DAG: %[[O:.*]] = "memref.load"(%[[OUT]], %[[I]], %[[J]])
// CHECK-DAG: %[[P:.*]] = "arith.mulf"(%[[X]], %[[Y]])
// CHECK: %[[S:.*]] = "arith.addf"(%[[O]], %[[P]])
// CHECK: "memref.store"(%[[S]], %[[OUT]], %[[I]], %[[J]])
// CHECK-NEXT: "scf.yield"
// CHECK-NEXT: })
// CHECK-NEXT: "scf.yield"
// CHECK-NEXT: })
// CHECK-NEXT: "scf.yield"
// CHECK-NEXT: })
// CHECK-NEXT: "bufferization.to_tensor"(%[[OUT]])
// CHECK: sym_name = "gemm"
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>):
  %0 = "nn.gemm"(%a, %b) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  "func.return"(%0) : (tensor<2x4xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>, sym_name = "gemm"} : () -> ()

// trans_a and trans_b: A is 3x2 and read at [k, i], B is 4x3 and read at [j, k].
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<3x2xf32>, %[[B:.*]]: tensor<4x3xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x4xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK: "scf.for"
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index):
// CHECK: %[[X:.*]] = "memref.load"(%[[AM]], %[[K]], %[[I]]) : (memref<3x2xf32>, index, index) -> f32
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[Y:.*]] = "memref.load"(%[[BM]], %[[J]], %[[K]]) : (memref<4x3xf32>, index, index) -> f32
// CHECK-DAG: %[[O:.*]] = "memref.load"(%[[OUT]], %[[I]], %[[J]])
// CHECK-DAG: %[[P:.*]] = "arith.mulf"(%[[X]], %[[Y]])
// CHECK: "arith.addf"(%[[O]], %[[P]])
// CHECK: sym_name = "gemm_transposed"
"func.func"() ({
^bb0(%a: tensor<3x2xf32>, %b: tensor<4x3xf32>):
  %0 = "nn.gemm"(%a, %b) {trans_a = 1 : i64, trans_b = 1 : i64} : (tensor<3x2xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
  "func.return"(%0) : (tensor<2x4xf32>) -> ()
}) {function_type = (tensor<3x2xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>, sym_name = "gemm_transposed"} : () -> ()

// alpha = 0.5, beta = 2 and C broadcast along rows: after the accumulation, an epilogue
// loop per row scales the sum by alpha and adds beta * C[j].
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3x4xf32>, %[[C:.*]]: tensor<4xf32>):
// CHECK-DAG: %[[CM:.*]] = "bufferization.to_memref"(%[[C]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x4xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK: "arith.mulf"
// CHECK: "arith.addf"
// CHECK: "memref.store"(%{{.*}}, %[[OUT]], %[[I]], %{{.*}})
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[SUM:.*]] = "memref.load"(%[[OUT]], %[[I]], %[[J]])
// CHECK-DAG: %[[ALPHA:.*]] = "arith.constant"() {value = 5.000000e-01 : f32}
// CHECK: %[[SCALED:.*]] = "arith.mulf"(%[[SUM]], %[[ALPHA]])
// CHECK: %[[CV:.*]] = "memref.load"(%[[CM]], %[[J]]) : (memref<4xf32>, index) -> f32
// CHECK-DAG: %[[BETA:.*]] = "arith.constant"() {value = 2.000000e+00 : f32}
// CHECK: %[[BC:.*]] = "arith.mulf"(%[[CV]], %[[BETA]])
// CHECK: %[[R:.*]] = "arith.addf"(%[[SCALED]], %[[BC]])
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]])
// CHECK: sym_name = "gemm_alpha_beta"
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<4xf32>):
  %0 = "nn.gemm"(%a, %b, %c) {alpha = 5.000000e-01 : f32, beta = 2.000000e+00 : f32} : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  "func.return"(%0) : (tensor<2x4xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<3x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>, sym_name = "gemm_alpha_beta"} : () -> ()

// The default alpha and beta (1) with a column C (2x1): the epilogue adds C[i, 0] unscaled.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3x4xf32>, %[[C:.*]]: tensor<2x1xf32>):
// CHECK-DAG: %[[CM:.*]] = "bufferization.to_memref"(%[[C]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x4xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK: "arith.addf"
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-NEXT: %[[SUM:.*]] = "memref.load"(%[[OUT]], %[[I]], %[[J]])
// CHECK-DAG: %[[Z:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[CV:.*]] = "memref.load"(%[[CM]], %[[I]], %[[Z]]) : (memref<2x1xf32>, index, index) -> f32
// CHECK-NEXT: %[[R:.*]] = "arith.addf"(%[[SUM]], %[[CV]])
// CHECK-NEXT: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]])
// CHECK: sym_name = "gemm_bias_column"
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<2x1xf32>):
  %0 = "nn.gemm"(%a, %b, %c) : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  "func.return"(%0) : (tensor<2x4xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<3x4xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>, sym_name = "gemm_bias_column"} : () -> ()

// beta = 0 ignores C: C is never read (its to_memref is still made), and alpha = 2 alone
// scales the sum.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3x4xf32>, %[[C:.*]]: tensor<2x4xf32>):
// CHECK-DAG: %[[CM:.*]] = "bufferization.to_memref"(%[[C]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x4xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-NOT: "memref.load"(%[[CM]]
// CHECK: "scf.for"
// CHECK-NOT: "memref.load"(%[[CM]]
// CHECK: "scf.for"
// CHECK-NOT: "memref.load"(%[[CM]]
// CHECK: "scf.for"
// CHECK-NOT: "memref.load"(%[[CM]]
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-NEXT: %[[SUM:.*]] = "memref.load"(%[[OUT]], %[[I]], %[[J]])
// CHECK-DAG: %[[ALPHA:.*]] = "arith.constant"() {value = 2.000000e+00 : f32}
// CHECK: %[[R:.*]] = "arith.mulf"(%[[SUM]], %[[ALPHA]])
// CHECK-NEXT: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]])
// CHECK-NOT: "memref.load"(%[[CM]]
// CHECK: sym_name = "gemm_beta_zero"
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<2x4xf32>):
  %0 = "nn.gemm"(%a, %b, %c) {alpha = 2.000000e+00 : f32, beta = 0.000000e+00 : f32} : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  "func.return"(%0) : (tensor<2x4xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<3x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>, sym_name = "gemm_beta_zero"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<3x4xf32>, memref<2x4xf32>) -> (), sym_name = "gemm"
// EQUIV: function_type = (memref<3x2xf32>, memref<4x3xf32>, memref<2x4xf32>) -> (), sym_name = "gemm_transposed"
// EQUIV: function_type = (memref<2x3xf32>, memref<3x4xf32>, memref<4xf32>, memref<2x4xf32>) -> (), sym_name = "gemm_alpha_beta"
// EQUIV: function_type = (memref<2x3xf32>, memref<3x4xf32>, memref<2x1xf32>, memref<2x4xf32>) -> (), sym_name = "gemm_bias_column"
// EQUIV: function_type = (memref<2x3xf32>, memref<3x4xf32>, memref<2x4xf32>, memref<2x4xf32>) -> (), sym_name = "gemm_beta_zero"
