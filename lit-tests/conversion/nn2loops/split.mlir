// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.split: one buffer per result, then one loop nest per result over its own shape that
// reads the input at the index along the axis shifted by the sizes before it (0, then 2).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x5xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[O0:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x2xf32>
// CHECK-DAG: %[[O1:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[OFF0:.*]] = "arith.constant"() {value = 0 : index}
// CHECK-DAG: %[[AT0:.*]] = "arith.addi"(%[[J]], %[[OFF0]]) : (index, index) -> index
// CHECK: %[[V0:.*]] = "memref.load"(%[[XM]], %[[I]], %[[AT0]]) : (memref<2x5xf32>, index, index) -> f32
// CHECK: "memref.store"(%[[V0]], %[[O0]], %[[I]], %[[J]]) : (f32, memref<2x2xf32>, index, index) -> ()
// CHECK-DAG: %[[UBI1:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI1]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I1:.*]]: index):
// CHECK-DAG: %[[UBJ1:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ1]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J1:.*]]: index):
// CHECK-DAG: %[[OFF1:.*]] = "arith.constant"() {value = 2 : index}
// CHECK-DAG: %[[AT1:.*]] = "arith.addi"(%[[J1]], %[[OFF1]]) : (index, index) -> index
// CHECK: %[[V1:.*]] = "memref.load"(%[[XM]], %[[I1]], %[[AT1]])
// CHECK: "memref.store"(%[[V1]], %[[O1]], %[[I1]], %[[J1]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK-DAG: %[[T0:.*]] = "bufferization.to_tensor"(%[[O0]]) : (memref<2x2xf32>) -> tensor<2x2xf32>
// CHECK-DAG: %[[T1:.*]] = "bufferization.to_tensor"(%[[O1]]) : (memref<2x3xf32>) -> tensor<2x3xf32>
// CHECK: "func.return"(%[[T0]], %[[T1]])
// CHECK: sym_name = "split"
"func.func"() ({
^bb0(%x: tensor<2x5xf32>):
  %0:2 = "nn.split"(%x) {axis = 1 : i64, sizes = array<i64: 2, 3>} : (tensor<2x5xf32>) -> (tensor<2x2xf32>, tensor<2x3xf32>)
  "func.return"(%0#0, %0#1) : (tensor<2x2xf32>, tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x5xf32>) -> (tensor<2x2xf32>, tensor<2x3xf32>), sym_name = "split"} : () -> ()

// A negative axis counts from the end: -2 is axis 0 of a rank-2 tensor; three pieces at
// offsets 0, 1 and 3.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<4x2xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I0:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%{{.*}}: index):
// CHECK-DAG: %[[OFF0:.*]] = "arith.constant"() {value = 0 : index}
// CHECK-DAG: %[[AT0:.*]] = "arith.addi"(%[[I0]], %[[OFF0]])
// CHECK: "memref.load"(%[[XM]], %[[AT0]], %{{.*}})
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I1:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%{{.*}}: index):
// CHECK-DAG: %[[OFF1:.*]] = "arith.constant"() {value = 1 : index}
// CHECK-DAG: %[[AT1:.*]] = "arith.addi"(%[[I1]], %[[OFF1]])
// CHECK: "memref.load"(%[[XM]], %[[AT1]], %{{.*}})
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I2:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%{{.*}}: index):
// CHECK-DAG: %[[OFF2:.*]] = "arith.constant"() {value = 3 : index}
// CHECK-DAG: %[[AT2:.*]] = "arith.addi"(%[[I2]], %[[OFF2]])
// CHECK: "memref.load"(%[[XM]], %[[AT2]], %{{.*}})
// CHECK: sym_name = "split_negative_axis"
"func.func"() ({
^bb0(%x: tensor<4x2xf32>):
  %0:3 = "nn.split"(%x) {axis = -2 : i64, sizes = array<i64: 1, 2, 1>} : (tensor<4x2xf32>) -> (tensor<1x2xf32>, tensor<2x2xf32>, tensor<1x2xf32>)
  "func.return"(%0#0, %0#1, %0#2) : (tensor<1x2xf32>, tensor<2x2xf32>, tensor<1x2xf32>) -> ()
}) {function_type = (tensor<4x2xf32>) -> (tensor<1x2xf32>, tensor<2x2xf32>, tensor<1x2xf32>), sym_name = "split_negative_axis"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x5xf32>, memref<2x2xf32>, memref<2x3xf32>) -> (), sym_name = "split"
// EQUIV: function_type = (memref<4x2xf32>, memref<1x2xf32>, memref<2x2xf32>, memref<1x2xf32>) -> (), sym_name = "split_negative_axis"
