// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.transpose loops over the output (3x4x2) and reads the input at the permuted indices:
// with perm = [1, 2, 0], output dimension d is input dimension perm[d], so
// out[i, j, k] = in[k, i, j].
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3x4xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<3x4x2xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index):
// CHECK-NEXT: %[[V:.*]] = "memref.load"(%[[XM]], %[[K]], %[[I]], %[[J]]) : (memref<2x3x4xf32>, index, index, index) -> f32
// CHECK-NEXT: "memref.store"(%[[V]], %[[OUT]], %[[I]], %[[J]], %[[K]]) : (f32, memref<3x4x2xf32>, index, index, index) -> ()
// CHECK: sym_name = "transpose"
"func.func"() ({
^bb0(%x: tensor<2x3x4xf32>):
  %0 = "nn.transpose"(%x) {perm = array<i64: 1, 2, 0>} : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
  "func.return"(%0) : (tensor<3x4x2xf32>) -> ()
}) {function_type = (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>, sym_name = "transpose"} : () -> ()

// The inverse permutation [2, 0, 1]: out[i, j, k] = in[j, k, i].
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3x4xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<4x2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index):
// CHECK-NEXT: %[[V:.*]] = "memref.load"(%[[XM]], %[[J]], %[[K]], %[[I]])
// CHECK-NEXT: "memref.store"(%[[V]], %[[OUT]], %[[I]], %[[J]], %[[K]])
// CHECK: sym_name = "transpose_inverse"
"func.func"() ({
^bb0(%x: tensor<2x3x4xf32>):
  %0 = "nn.transpose"(%x) {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  "func.return"(%0) : (tensor<4x2x3xf32>) -> ()
}) {function_type = (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>, sym_name = "transpose_inverse"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3x4xf32>, memref<3x4x2xf32>) -> (), sym_name = "transpose"
// EQUIV: function_type = (memref<2x3x4xf32>, memref<4x2x3xf32>) -> (), sym_name = "transpose_inverse"
