// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.softmax without an axis uses the last one. The outer loops run over the other
// dimensions (the axis with extent 1); per row, one reduction finds the maximum (from
// -inf), a second sums exp(x - max), and a loop along the axis stores exp(x - max) * (1 / sum).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[ONE:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[ONE]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%{{.*}}: index):
// CHECK-DAG: %[[NEGINF:.*]] = "arith.constant"() {value = 0xFF800000 : f32}
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[MAX:.*]] = "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}, %[[NEGINF]]) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index, %[[M:.*]]: f32):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[K]])
// CHECK: "arith.cmpf"(%[[M]], %[[V]]) {predicate = 2 : i64}
// CHECK: "arith.cmpf"(%[[M]], %[[V]]) {predicate = 14 : i64}
// CHECK: %[[NM:.*]] = "arith.select"
// CHECK: "scf.yield"(%[[NM]])
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK-DAG: %[[UBK2:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[SUM:.*]] = "scf.for"(%{{.*}}, %[[UBK2]], %{{.*}}, %[[ZERO]]) ({
// CHECK-NEXT: ^bb0(%[[K2:.*]]: index, %[[S:.*]]: f32):
// CHECK: %[[V2:.*]] = "memref.load"(%[[XM]], %[[I]], %[[K2]])
// CHECK: %[[D:.*]] = "arith.subf"(%[[V2]], %[[MAX]])
// CHECK: %[[E:.*]] = "math.exp"(%[[D]])
// CHECK: %[[NS:.*]] = "arith.addf"(%[[S]], %[[E]])
// CHECK: "scf.yield"(%[[NS]])
// CHECK-DAG: %[[ONEF:.*]] = "arith.constant"() {value = 1.000000e+00 : f32}
// CHECK: %[[SCALE:.*]] = "arith.divf"(%[[ONEF]], %[[SUM]])
// CHECK-DAG: %[[UBK3:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBK3]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[K3:.*]]: index):
// CHECK: %[[V3:.*]] = "memref.load"(%[[XM]], %[[I]], %[[K3]])
// CHECK: %[[D3:.*]] = "arith.subf"(%[[V3]], %[[MAX]])
// CHECK: %[[E3:.*]] = "math.exp"(%[[D3]])
// CHECK: %[[R:.*]] = "arith.mulf"(%[[E3]], %[[SCALE]])
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[K3]])
// CHECK: sym_name = "softmax"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.softmax"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "softmax"} : () -> ()

// axis = 0: the reductions run along the first dimension (extent 2), indexed [k, j].
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[ONE:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[ONE]], %{{.*}}) ({
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[MAX:.*]] = "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}, %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index, %{{.*}}: f32):
// CHECK: "memref.load"(%[[XM]], %[[K]], %[[J]])
// CHECK: "arith.cmpf"({{.*}}) {predicate = 14 : i64}
// CHECK: "scf.for"
// CHECK: "math.exp"
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[K3:.*]]: index):
// CHECK: "memref.store"(%{{.*}}, %[[OUT]], %[[K3]], %[[J]])
// CHECK: sym_name = "softmax_axis0"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.softmax"(%x) {axis = 0 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "softmax_axis0"} : () -> ()

// nn.log_softmax stores (x - max) - log(sum) instead: no exp in the last loop.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK: %[[MAX:.*]] = "scf.for"
// CHECK: "arith.cmpf"({{.*}}) {predicate = 14 : i64}
// CHECK: %[[SUM:.*]] = "scf.for"
// CHECK: "math.exp"
// CHECK: %[[LOG:.*]] = "math.log"(%[[SUM]])
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[K:.*]]: index):
// CHECK-NEXT: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[K]])
// CHECK-NEXT: %[[D:.*]] = "arith.subf"(%[[V]], %[[MAX]])
// CHECK-NEXT: %[[R:.*]] = "arith.subf"(%[[D]], %[[LOG]])
// CHECK-NEXT: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[K]])
// CHECK: sym_name = "log_softmax"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.log_softmax"(%x) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "log_softmax"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "softmax"
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "softmax_axis0"
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "log_softmax"
