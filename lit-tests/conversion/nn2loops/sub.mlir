// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.sub: arith.subf, lhs minus rhs (operand order matters), with broadcasting.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]]) : (tensor<3xf32>) -> memref<3xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[VA:.*]] = "memref.load"(%[[AM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK: %[[VB:.*]] = "memref.load"(%[[BM]], %[[J]]) : (memref<3xf32>, index) -> f32
// CHECK: %[[R:.*]] = "arith.subf"(%[[VA]], %[[VB]]) : ({{.*}}) -> {{.*}}
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: sym_name = "sub"
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<3xf32>):
  %0 = "nn.sub"(%a, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>, sym_name = "sub"} : () -> ()

// Integers subtract with arith.subi; here the lhs broadcasts.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x1xi64>, %[[B:.*]]: tensor<2x3xi64>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]]) : (tensor<2x1xi64>) -> memref<2x1xi64>
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]]) : (tensor<2x3xi64>) -> memref<2x3xi64>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xi64>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[ZA1:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[VA:.*]] = "memref.load"(%[[AM]], %[[I]], %[[ZA1]]) : (memref<2x1xi64>, index, index) -> i64
// CHECK: %[[VB:.*]] = "memref.load"(%[[BM]], %[[I]], %[[J]]) : (memref<2x3xi64>, index, index) -> i64
// CHECK: %[[R:.*]] = "arith.subi"(%[[VA]], %[[VB]]) : ({{.*}}) -> {{.*}}
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (i64, memref<2x3xi64>, index, index) -> ()
// CHECK: sym_name = "sub_i64"
"func.func"() ({
^bb0(%a: tensor<2x1xi64>, %b: tensor<2x3xi64>):
  %0 = "nn.sub"(%a, %b) : (tensor<2x1xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>
  "func.return"(%0) : (tensor<2x3xi64>) -> ()
}) {function_type = (tensor<2x1xi64>, tensor<2x3xi64>) -> tensor<2x3xi64>, sym_name = "sub_i64"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<3xf32>, memref<2x3xf32>) -> (), sym_name = "sub"
// EQUIV: function_type = (memref<2x1xi64>, memref<2x3xi64>, memref<2x3xi64>) -> (), sym_name = "sub_i64"
