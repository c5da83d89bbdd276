// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.gather"'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.gather along axis 0: the output (2x2x3) is indices (2x2) by the rest of data (3). The
// loops run over the output; the index is loaded at the output indices that the indices
// tensor covers, cast to index, and a negative one counts from the end (+ 8 where < 0).
// Data (8x3) is read at that index, then the remaining output indices.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[D:.*]]: tensor<8x3xf32>, %[[IDX:.*]]: tensor<2x2xi64>):
// CHECK-DAG: %[[DM:.*]] = "bufferization.to_memref"(%[[D]])
// CHECK-DAG: %[[IM:.*]] = "bufferization.to_memref"(%[[IDX]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index):
// CHECK: %[[RAW:.*]] = "memref.load"(%[[IM]], %[[I]], %[[J]]) : (memref<2x2xi64>, index, index) -> i64
// CHECK: %[[AT:.*]] = "arith.index_cast"(%[[RAW]]) : (i64) -> index
// CHECK-DAG: %[[Z:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[NEG:.*]] = "arith.cmpi"(%[[AT]], %[[Z]]) {predicate = 2 : i64}
// CHECK-DAG: %[[LEN:.*]] = "arith.constant"() {value = 8 : index}
// CHECK: %[[UP:.*]] = "arith.addi"(%[[AT]], %[[LEN]])
// CHECK: %[[SEL:.*]] = "arith.select"(%[[NEG]], %[[UP]], %[[AT]]) : (i1, index, index) -> index
// An index outside [-8, 8), which the interpreter refuses, is clamped into the axis: compiled
// code never reads outside the data.
// CHECK: %[[LO:.*]] = "arith.maxsi"(%[[SEL]], %{{.*}})
// CHECK-DAG: %[[LAST:.*]] = "arith.constant"() {value = 7 : index}
// CHECK: %[[W:.*]] = "arith.minsi"(%[[LO]], %[[LAST]])
// CHECK: %[[V:.*]] = "memref.load"(%[[DM]], %[[W]], %[[K]]) : (memref<8x3xf32>, index, index) -> f32
// CHECK-NEXT: "memref.store"(%[[V]], %[[OUT]], %[[I]], %[[J]], %[[K]])
// CHECK: sym_name = "gather"
"func.func"() ({
^bb0(%x: tensor<8x3xf32>, %i: tensor<2x2xi64>):
  %0 = "nn.gather"(%x, %i) {axis = 0 : i64} : (tensor<8x3xf32>, tensor<2x2xi64>) -> tensor<2x2x3xf32>
  "func.return"(%0) : (tensor<2x2x3xf32>) -> ()
}) {function_type = (tensor<8x3xf32>, tensor<2x2xi64>) -> tensor<2x2x3xf32>, sym_name = "gather"} : () -> ()

// Along axis 1 with i32 indices: out[i, j] = data[i, indices[j]]; the length for negative
// indices is that of axis 1 (9).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[D:.*]]: tensor<2x9xf32>, %[[IDX:.*]]: tensor<3xi32>):
// CHECK-DAG: %[[DM:.*]] = "bufferization.to_memref"(%[[D]])
// CHECK-DAG: %[[IM:.*]] = "bufferization.to_memref"(%[[IDX]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[RAW:.*]] = "memref.load"(%[[IM]], %[[J]]) : (memref<3xi32>, index) -> i32
// CHECK: %[[AT:.*]] = "arith.index_cast"(%[[RAW]]) : (i32) -> index
// CHECK: %[[NEG:.*]] = "arith.cmpi"(%[[AT]], %{{.*}}) {predicate = 2 : i64}
// CHECK-DAG: %[[LEN:.*]] = "arith.constant"() {value = 9 : index}
// CHECK: %[[UP:.*]] = "arith.addi"(%[[AT]], %[[LEN]])
// CHECK: %[[SEL:.*]] = "arith.select"(%[[NEG]], %[[UP]], %[[AT]])
// CHECK: %[[LO:.*]] = "arith.maxsi"(%[[SEL]], %{{.*}})
// CHECK: %[[W:.*]] = "arith.minsi"(%[[LO]], %{{.*}})
// CHECK: %[[V:.*]] = "memref.load"(%[[DM]], %[[I]], %[[W]]) : (memref<2x9xf32>, index, index) -> f32
// CHECK-NEXT: "memref.store"(%[[V]], %[[OUT]], %[[I]], %[[J]])
// CHECK: sym_name = "gather_axis1"
"func.func"() ({
^bb0(%x: tensor<2x9xf32>, %i: tensor<3xi32>):
  %0 = "nn.gather"(%x, %i) {axis = 1 : i64} : (tensor<2x9xf32>, tensor<3xi32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x9xf32>, tensor<3xi32>) -> tensor<2x3xf32>, sym_name = "gather_axis1"} : () -> ()

// Negative indices: the interpreter's random integers are 0 to 7, so this case subtracts 8
// first (indices -8 to -1) to check the wrap-around numerically.
// CHECK-LABEL: "func.func"
// CHECK: "arith.subi"
// CHECK: "arith.index_cast"
// CHECK: "arith.select"
// CHECK: sym_name = "gather_negative"
"func.func"() ({
^bb0(%x: tensor<8xf32>, %i: tensor<4xi64>):
  %c = "nn.constant"() {value = dense<8> : tensor<i64>} : () -> tensor<i64>
  %n = "nn.sub"(%i, %c) : (tensor<4xi64>, tensor<i64>) -> tensor<4xi64>
  %0 = "nn.gather"(%x, %n) {axis = 0 : i64} : (tensor<8xf32>, tensor<4xi64>) -> tensor<4xf32>
  "func.return"(%0) : (tensor<4xf32>) -> ()
}) {function_type = (tensor<8xf32>, tensor<4xi64>) -> tensor<4xf32>, sym_name = "gather_negative"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<8x3xf32>, memref<2x2xi64>, memref<2x2x3xf32>) -> (), sym_name = "gather"
// EQUIV: function_type = (memref<2x9xf32>, memref<3xi32>, memref<2x3xf32>) -> (), sym_name = "gather_axis1"
// EQUIV: function_type = (memref<8xf32>, memref<4xi64>, memref<4xf32>) -> (), sym_name = "gather_negative"
