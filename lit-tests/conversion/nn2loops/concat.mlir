// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.concat: one loop nest per operand over the operand's own shape; each copies into the
// result at the index along the axis shifted by the sizes of the operands before it
// (0, then 3 here, then 4).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>, %[[Y:.*]]: tensor<2x1xf32>, %[[Z:.*]]: tensor<2x2xf32>):
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[YM:.*]] = "bufferization.to_memref"(%[[Y]])
// CHECK-DAG: %[[ZM:.*]] = "bufferization.to_memref"(%[[Z]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x6xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[OFF0:.*]] = "arith.constant"() {value = 0 : index}
// CHECK-DAG: %[[AT0:.*]] = "arith.addi"(%[[J]], %[[OFF0]]) : (index, index) -> index
// CHECK-DAG: %[[V0:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK: "memref.store"(%[[V0]], %[[OUT]], %[[I]], %[[AT0]])
// CHECK-DAG: %[[UBI1:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI1]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I1:.*]]: index):
// CHECK-DAG: %[[UBJ1:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ1]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J1:.*]]: index):
// CHECK-DAG: %[[OFF1:.*]] = "arith.constant"() {value = 3 : index}
// CHECK-DAG: %[[AT1:.*]] = "arith.addi"(%[[J1]], %[[OFF1]]) : (index, index) -> index
// CHECK-DAG: %[[V1:.*]] = "memref.load"(%[[YM]], %[[I1]], %[[J1]]) : (memref<2x1xf32>, index, index) -> f32
// CHECK: "memref.store"(%[[V1]], %[[OUT]], %[[I1]], %[[AT1]])
// CHECK-DAG: %[[UBI2:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI2]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I2:.*]]: index):
// CHECK-DAG: %[[UBJ2:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ2]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J2:.*]]: index):
// CHECK-DAG: %[[OFF2:.*]] = "arith.constant"() {value = 4 : index}
// CHECK-DAG: %[[AT2:.*]] = "arith.addi"(%[[J2]], %[[OFF2]]) : (index, index) -> index
// CHECK-DAG: %[[V2:.*]] = "memref.load"(%[[ZM]], %[[I2]], %[[J2]]) : (memref<2x2xf32>, index, index) -> f32
// CHECK: "memref.store"(%[[V2]], %[[OUT]], %[[I2]], %[[AT2]])
// CHECK: "bufferization.to_tensor"(%[[OUT]]) : (memref<2x6xf32>) -> tensor<2x6xf32>
// CHECK: sym_name = "concat"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>, %y: tensor<2x1xf32>, %z: tensor<2x2xf32>):
  %0 = "nn.concat"(%x, %y, %z) {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x2xf32>) -> tensor<2x6xf32>
  "func.return"(%0) : (tensor<2x6xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x2xf32>) -> tensor<2x6xf32>, sym_name = "concat"} : () -> ()

// Along axis 0 the shift applies to the first index (0, then 2).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xi32>, %[[Y:.*]]: tensor<1x3xi32>):
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<3x3xi32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[OFF0:.*]] = "arith.constant"() {value = 0 : index}
// CHECK-DAG: %[[AT0:.*]] = "arith.addi"(%[[I]], %[[OFF0]])
// CHECK: "memref.store"(%{{.*}}, %[[OUT]], %[[AT0]], %[[J]]) : (i32, memref<3x3xi32>, index, index) -> ()
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I1:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[J1:.*]]: index):
// CHECK-DAG: %[[OFF1:.*]] = "arith.constant"() {value = 2 : index}
// CHECK-DAG: %[[AT1:.*]] = "arith.addi"(%[[I1]], %[[OFF1]])
// CHECK: "memref.store"(%{{.*}}, %[[OUT]], %[[AT1]], %[[J1]])
// CHECK: sym_name = "concat_axis0"
"func.func"() ({
^bb0(%x: tensor<2x3xi32>, %y: tensor<1x3xi32>):
  %0 = "nn.concat"(%x, %y) {axis = 0 : i64} : (tensor<2x3xi32>, tensor<1x3xi32>) -> tensor<3x3xi32>
  "func.return"(%0) : (tensor<3x3xi32>) -> ()
}) {function_type = (tensor<2x3xi32>, tensor<1x3xi32>) -> tensor<3x3xi32>, sym_name = "concat_axis0"} : () -> ()

// Producers write their slab of the concat in place (channels at batch 1, as in SqueezeNet's
// fire modules): the concat's buffer is a byte buffer allocated where the first producer is
// lowered, each producer writes a memref.view of it at its slab's byte offset (0, then 2 x 3 x 4
// bytes), and the concat copies only the operand that is not produced here (the argument
// %z, into channels 5 and 6); its result is a view of the whole buffer.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x2x3xf32>, %[[Z:.*]]: tensor<1x2x3xf32>):
// CHECK: %[[BYTES:.*]] = "memref.alloc"() {{.*}} : () -> memref<84xi8>
// CHECK: %[[AT0:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[SLAB0:.*]] = "memref.view"(%[[BYTES]], %[[AT0]]) : (memref<84xi8>, index) -> memref<1x2x3xf32>
// CHECK: "math.tanh"
// CHECK: "memref.store"(%{{.*}}, %[[SLAB0]],
// CHECK: %[[AT1:.*]] = "arith.constant"() {value = 24 : index}
// CHECK: %[[SLAB1:.*]] = "memref.view"(%[[BYTES]], %[[AT1]]) : (memref<84xi8>, index) -> memref<1x3x3xf32>
// CHECK: "memref.store"(%{{.*}}, %[[SLAB1]],
// CHECK: %[[WHOLE:.*]] = "memref.view"(%[[BYTES]], %{{.*}}) : (memref<84xi8>, index) -> memref<1x7x3xf32>
// CHECK-NOT: "memref.store"(%{{.*}}, %[[WHOLE]], %{{.*}}, %{{.*}}, %{{.*}}) : (f32, memref<1x7x3xf32>
// CHECK: %[[OFF:.*]] = "arith.constant"() {value = 5 : index}
// CHECK: "arith.addi"(%{{.*}}, %[[OFF]])
// CHECK: "memref.store"(%{{.*}}, %[[WHOLE]],
// CHECK-NOT: "memref.store"(%{{.*}}, %[[WHOLE]],
// CHECK: "bufferization.to_tensor"(%[[WHOLE]]) : (memref<1x7x3xf32>) -> tensor<1x7x3xf32>
// CHECK: sym_name = "concat_in_place"
"func.func"() ({
^bb0(%x: tensor<1x2x3xf32>, %z: tensor<1x2x3xf32>):
  %a = "nn.tanh"(%x) : (tensor<1x2x3xf32>) -> tensor<1x2x3xf32>
  %b = "nn.concat"(%x, %z, %x) {axis = 1 : i64} : (tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>) -> tensor<1x6x3xf32>
  %c = "nn.slice"(%b) {starts = array<i64: 0, 0, 0>, ends = array<i64: 1, 3, 3>, steps = array<i64: 1, 1, 1>} : (tensor<1x6x3xf32>) -> tensor<1x3x3xf32>
  %0 = "nn.concat"(%a, %c, %z) {axis = 1 : i64} : (tensor<1x2x3xf32>, tensor<1x3x3xf32>, tensor<1x2x3xf32>) -> tensor<1x7x3xf32>
  "func.return"(%0) : (tensor<1x7x3xf32>) -> ()
}) {function_type = (tensor<1x2x3xf32>, tensor<1x2x3xf32>) -> tensor<1x7x3xf32>, sym_name = "concat_in_place"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<2x1xf32>, memref<2x2xf32>, memref<2x6xf32>) -> (), sym_name = "concat"
// EQUIV: function_type = (memref<2x3xi32>, memref<1x3xi32>, memref<3x3xi32>) -> (), sym_name = "concat_axis0"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "concat_in_place"
// EQUIV-NOT: changed the results
