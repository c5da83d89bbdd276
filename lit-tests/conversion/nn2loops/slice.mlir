// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.slice loops over the output and reads the input at start + i * step per dimension:
// rows 1, 2 (start 1, step 1) and columns 5, 3, 1 (start 5, step -2).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<4x6xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[START0:.*]] = "arith.constant"() {value = 1 : index}
// CHECK-DAG: %[[STEP0:.*]] = "arith.constant"() {value = 1 : index}
// CHECK-DAG: %[[MUL0:.*]] = "arith.muli"(%[[I]], %[[STEP0]]) : (index, index) -> index
// CHECK: %[[SRC0:.*]] = "arith.addi"(%[[START0]], %[[MUL0]]) : (index, index) -> index
// CHECK-DAG: %[[START1:.*]] = "arith.constant"() {value = 5 : index}
// CHECK-DAG: %[[STEP1:.*]] = "arith.constant"() {value = -2 : index}
// CHECK-DAG: %[[MUL1:.*]] = "arith.muli"(%[[J]], %[[STEP1]]) : (index, index) -> index
// CHECK: %[[SRC1:.*]] = "arith.addi"(%[[START1]], %[[MUL1]]) : (index, index) -> index
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[SRC0]], %[[SRC1]]) : (memref<4x6xf32>, index, index) -> f32
// CHECK-NEXT: "memref.store"(%[[V]], %[[OUT]], %[[I]], %[[J]])
// CHECK: sym_name = "slice"
"func.func"() ({
^bb0(%x: tensor<4x6xf32>):
  %0 = "nn.slice"(%x) {starts = array<i64: 1, 5>, ends = array<i64: 3, 0>, steps = array<i64: 1, -2>} : (tensor<4x6xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<4x6xf32>) -> tensor<2x3xf32>, sym_name = "slice"} : () -> ()

// Every other element from index 1 of a vector: 1, 3, 5.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<7xi64>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[UB:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[START:.*]] = "arith.constant"() {value = 1 : index}
// CHECK-DAG: %[[STEP:.*]] = "arith.constant"() {value = 2 : index}
// CHECK-DAG: %[[MUL:.*]] = "arith.muli"(%[[I]], %[[STEP]])
// CHECK: %[[SRC:.*]] = "arith.addi"(%[[START]], %[[MUL]])
// CHECK: "memref.load"(%[[XM]], %[[SRC]]) : (memref<7xi64>, index) -> i64
// CHECK: sym_name = "slice_stride"
"func.func"() ({
^bb0(%x: tensor<7xi64>):
  %0 = "nn.slice"(%x) {starts = array<i64: 1>, ends = array<i64: 6>, steps = array<i64: 2>} : (tensor<7xi64>) -> tensor<3xi64>
  "func.return"(%0) : (tensor<3xi64>) -> ()
}) {function_type = (tensor<7xi64>) -> tensor<3xi64>, sym_name = "slice_stride"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<4x6xf32>, memref<2x3xf32>) -> (), sym_name = "slice"
// EQUIV: function_type = (memref<7xi64>, memref<3xi64>) -> (), sym_name = "slice_stride"
