// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.pad, constant mode: a loop over the output's rows (2x3 padded by [0, 1] before and
// [1, 2] after: 3x6), then along each row. Per dimension the input index is the output index
// minus the leading pad; 0 <= i < extent (cmpi sge, predicate 5, and slt, predicate 2) tells
// whether it is inside, once per row for the row's dimensions. The load reads a clamped
// (maxsi/minsi) address so that it is always safe, and select picks the fill value where any
// index is outside. A row goes as its leading border (column 0), then the rest (columns 1 to
// 5); on a target with vectors the columns that read the input in order go in vectors
// (pad-vector.mlir).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<3x6xf32>
// CHECK-DAG: %[[FILL:.*]] = "arith.constant"() {value = 1.500000e+00 : f32}
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[P0:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[SI:.*]] = "arith.subi"(%[[I]], %[[P0]]) : (index, index) -> index
// CHECK: %[[GE0:.*]] = "arith.cmpi"(%[[SI]], %{{.*}}) {predicate = 5 : i64}
// CHECK-DAG: %[[N0:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[LT0:.*]] = "arith.cmpi"(%[[SI]], %[[N0]]) {predicate = 2 : i64}
// CHECK: %[[IN0:.*]] = "arith.andi"(%[[GE0]], %[[LT0]])
// CHECK: %[[MX0:.*]] = "arith.maxsi"(%[[SI]], %{{.*}})
// CHECK-DAG: %[[HI0:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[CI:.*]] = "arith.minsi"(%[[MX0]], %[[HI0]])
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[P1:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[SJ:.*]] = "arith.subi"(%[[J]], %[[P1]]) : (index, index) -> index
// CHECK: %[[MX1:.*]] = "arith.maxsi"(%[[SJ]], %{{.*}})
// CHECK-DAG: %[[HI1:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[CJ:.*]] = "arith.minsi"(%[[MX1]], %[[HI1]])
// CHECK: %[[GE1:.*]] = "arith.cmpi"(%[[SJ]], %{{.*}}) {predicate = 5 : i64}
// CHECK-DAG: %[[N1:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[LT1:.*]] = "arith.cmpi"(%[[SJ]], %[[N1]]) {predicate = 2 : i64}
// CHECK: %[[IN1:.*]] = "arith.andi"(%[[GE1]], %[[LT1]])
// CHECK: %[[IN:.*]] = "arith.andi"(%[[IN0]], %[[IN1]])
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[CI]], %[[CJ]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK: %[[R:.*]] = "arith.select"(%[[IN]], %[[V]], %[[FILL]]) : (i1, f32, f32) -> f32
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]])
// CHECK: "scf.for"
// CHECK: "memref.store"(%{{.*}}, %[[OUT]], %[[I]],
// CHECK: sym_name = "pad_constant"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.pad"(%x) {pads = array<i64: 0, 1, 1, 2>, value = 1.5 : f32} : (tensor<2x3xf32>) -> tensor<3x6xf32>
  "func.return"(%0) : (tensor<3x6xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<3x6xf32>, sym_name = "pad_constant"} : () -> ()

// Without a value attribute the fill is 0; negative pads crop (here one element from the
// front of dimension 1, and one is added at its end): the read index is the output index
// plus 1.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[FILL:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: "arith.subi"
// CHECK-DAG: %[[P1:.*]] = "arith.constant"() {value = -1 : index}
// CHECK: %[[SJ:.*]] = "arith.subi"(%[[J]], %[[P1]]) : (index, index) -> index
// CHECK: %[[V:.*]] = "memref.load"
// CHECK: "arith.select"(%{{.*}}, %[[V]], %[[FILL]])
// CHECK: sym_name = "pad_crop"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.pad"(%x) {pads = array<i64: 0, -1, 0, 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "pad_crop"} : () -> ()

// mode = "reflect" reads every output element from some input element, without select on
// the value: for n = 3 the index i - pad is taken modulo the period 2 * (n - 1) = 4 with a
// floor modulo (remsi, then + 4 where negative), and m >= n maps to 4 - m.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<8xf32>
// CHECK-DAG: %[[UB:.*]] = "arith.constant"() {value = 8 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[P:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[S:.*]] = "arith.subi"(%[[I]], %[[P]])
// CHECK-DAG: %[[PERIOD:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: %[[REM:.*]] = "arith.remsi"(%[[S]], %[[PERIOD]])
// CHECK: %[[NEG:.*]] = "arith.cmpi"(%[[REM]], %{{.*}}) {predicate = 2 : i64}
// CHECK: %[[UP:.*]] = "arith.addi"(%[[REM]], %{{.*}})
// CHECK: %[[M:.*]] = "arith.select"(%[[NEG]], %[[UP]], %[[REM]]) : (i1, index, index) -> index
// CHECK-DAG: %[[N:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[HIGH:.*]] = "arith.cmpi"(%[[M]], %[[N]]) {predicate = 5 : i64}
// CHECK-DAG: %[[PERIOD2:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: %[[MIRROR:.*]] = "arith.subi"(%[[PERIOD2]], %[[M]])
// CHECK: %[[SRC:.*]] = "arith.select"(%[[HIGH]], %[[MIRROR]], %[[M]])
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[SRC]]) : (memref<3xf32>, index) -> f32
// CHECK-NEXT: "memref.store"(%[[V]], %[[OUT]], %[[I]])
// CHECK: sym_name = "pad_reflect"
"func.func"() ({
^bb0(%x: tensor<3xf32>):
  %0 = "nn.pad"(%x) {pads = array<i64: 2, 3>, mode = "reflect"} : (tensor<3xf32>) -> tensor<8xf32>
  "func.return"(%0) : (tensor<8xf32>) -> ()
}) {function_type = (tensor<3xf32>) -> tensor<8xf32>, sym_name = "pad_reflect"} : () -> ()

// mode = "edge" clamps the index into [0, n - 1].
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<8xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[P:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[S:.*]] = "arith.subi"(%[[I]], %[[P]])
// CHECK-DAG: %[[LO:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[MX:.*]] = "arith.maxsi"(%[[S]], %[[LO]])
// CHECK-DAG: %[[HI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[SRC:.*]] = "arith.minsi"(%[[MX]], %[[HI]])
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[SRC]])
// CHECK-NEXT: "memref.store"(%[[V]], %[[OUT]], %[[I]])
// CHECK: sym_name = "pad_edge"
"func.func"() ({
^bb0(%x: tensor<3xf32>):
  %0 = "nn.pad"(%x) {pads = array<i64: 2, 3>, mode = "edge"} : (tensor<3xf32>) -> tensor<8xf32>
  "func.return"(%0) : (tensor<8xf32>) -> ()
}) {function_type = (tensor<3xf32>) -> tensor<8xf32>, sym_name = "pad_edge"} : () -> ()

// mode = "wrap" takes the index modulo n (a floor modulo: remsi, then + n where negative).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<8xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[P:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[S:.*]] = "arith.subi"(%[[I]], %[[P]])
// CHECK-DAG: %[[N:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[REM:.*]] = "arith.remsi"(%[[S]], %[[N]])
// CHECK-DAG: %[[Z:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[NEG:.*]] = "arith.cmpi"(%[[REM]], %[[Z]]) {predicate = 2 : i64}
// CHECK-DAG: %[[N2:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[UP:.*]] = "arith.addi"(%[[REM]], %[[N2]])
// CHECK: %[[SRC:.*]] = "arith.select"(%[[NEG]], %[[UP]], %[[REM]])
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[SRC]])
// CHECK-NEXT: "memref.store"(%[[V]], %[[OUT]], %[[I]])
// CHECK: sym_name = "pad_wrap"
"func.func"() ({
^bb0(%x: tensor<3xf32>):
  %0 = "nn.pad"(%x) {pads = array<i64: 2, 3>, mode = "wrap"} : (tensor<3xf32>) -> tensor<8xf32>
  "func.return"(%0) : (tensor<8xf32>) -> ()
}) {function_type = (tensor<3xf32>) -> tensor<8xf32>, sym_name = "pad_wrap"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<3x6xf32>) -> (), sym_name = "pad_constant"
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "pad_crop"
// EQUIV: function_type = (memref<3xf32>, memref<8xf32>) -> (), sym_name = "pad_reflect"
// EQUIV: function_type = (memref<3xf32>, memref<8xf32>) -> (), sym_name = "pad_edge"
// EQUIV: function_type = (memref<3xf32>, memref<8xf32>) -> (), sym_name = "pad_wrap"
