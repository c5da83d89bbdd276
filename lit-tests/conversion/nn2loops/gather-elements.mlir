// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.gather_elements"'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.gather_elements: one loop nest over the indices; each loads its index, adds the axis's
// length to a negative one, clamps it into the axis (compiled code never reads outside the
// data; the interpreter refuses such indices), and reads the data at its own position with that
// coordinate.
// CHECK-LABEL: "func.func"
// CHECK: %[[I:.*]] = "memref.load"(%{{.*}}, %[[R:.*]], %[[C:.*]]) : (memref<2x3xi64>, index, index) -> i64
// CHECK: %[[X:.*]] = "arith.index_cast"(%[[I]]) : (i64) -> index
// CHECK: %[[NEG:.*]] = "arith.cmpi"(%[[X]], %{{.*}}) {predicate = 2 : i64}
// CHECK: %[[SEL:.*]] = "arith.select"(%[[NEG]], %{{.*}}, %[[X]])
// CHECK: %[[LO:.*]] = "arith.maxsi"(%[[SEL]], %{{.*}})
// CHECK-DAG: %[[LAST:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: %[[W:.*]] = "arith.minsi"(%[[LO]], %[[LAST]])
// CHECK: %[[V:.*]] = "memref.load"(%{{.*}}, %[[R]], %[[W]]) : (memref<2x5xf32>, index, index) -> f32
// CHECK: "memref.store"(%[[V]], %{{.*}}, %[[R]], %[[C]])
// CHECK: sym_name = "along_columns"
"func.func"() ({
^bb0(%d: tensor<2x5xf32>):
  %i = "nn.constant"() {value = dense<[[0, 4, -1], [-5, 2, 3]]> : tensor<2x3xi64>} : () -> tensor<2x3xi64>
  %y = "nn.gather_elements"(%d, %i) {axis = 1 : i64} : (tensor<2x5xf32>, tensor<2x3xi64>) -> tensor<2x3xf32>
  "func.return"(%y) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x5xf32>) -> tensor<2x3xf32>, sym_name = "along_columns"} : () -> ()

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "along_columns"
