// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.where: each of the three operands broadcasts to the output on its own (the condition
// here per row, x fully, y per column), and arith.select picks x where the condition holds.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[C:.*]]: tensor<2x1xi1>, %[[X:.*]]: tensor<2x3xf32>, %[[Y:.*]]: tensor<3xf32>):
// CHECK-DAG: %[[CM:.*]] = "bufferization.to_memref"(%[[C]])
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[YM:.*]] = "bufferization.to_memref"(%[[Y]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[Z:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[VC:.*]] = "memref.load"(%[[CM]], %[[I]], %[[Z]]) : (memref<2x1xi1>, index, index) -> i1
// CHECK: %[[VX:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK: %[[VY:.*]] = "memref.load"(%[[YM]], %[[J]]) : (memref<3xf32>, index) -> f32
// CHECK: %[[R:.*]] = "arith.select"(%[[VC]], %[[VX]], %[[VY]]) : (i1, f32, f32) -> f32
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]])
// CHECK: sym_name = "where"
"func.func"() ({
^bb0(%c: tensor<2x1xi1>, %x: tensor<2x3xf32>, %y: tensor<3xf32>):
  %0 = "nn.where"(%c, %x, %y) : (tensor<2x1xi1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x1xi1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>, sym_name = "where"} : () -> ()

// Integer values select the same way; a rank-0 condition is loaded without indices.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[C:.*]]: tensor<i1>, %[[X:.*]]: tensor<4xi64>, %[[Y:.*]]: tensor<4xi64>):
// CHECK-DAG: %[[CM:.*]] = "bufferization.to_memref"(%[[C]])
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[YM:.*]] = "bufferization.to_memref"(%[[Y]])
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK: %[[VC:.*]] = "memref.load"(%[[CM]]) : (memref<i1>) -> i1
// CHECK: %[[VX:.*]] = "memref.load"(%[[XM]], %[[I]])
// CHECK: %[[VY:.*]] = "memref.load"(%[[YM]], %[[I]])
// CHECK: %[[R:.*]] = "arith.select"(%[[VC]], %[[VX]], %[[VY]]) : (i1, i64, i64) -> i64
// CHECK: "memref.store"(%[[R]], %{{.*}}, %[[I]])
// CHECK: sym_name = "where_scalar_condition"
"func.func"() ({
^bb0(%c: tensor<i1>, %x: tensor<4xi64>, %y: tensor<4xi64>):
  %0 = "nn.where"(%c, %x, %y) : (tensor<i1>, tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  "func.return"(%0) : (tensor<4xi64>) -> ()
}) {function_type = (tensor<i1>, tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>, sym_name = "where_scalar_condition"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x1xi1>, memref<2x3xf32>, memref<3xf32>, memref<2x3xf32>) -> (), sym_name = "where"
// EQUIV: function_type = (memref<i1>, memref<4xi64>, memref<4xi64>, memref<4xi64>) -> (), sym_name = "where_scalar_condition"
