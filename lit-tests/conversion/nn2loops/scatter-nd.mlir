// RUN: %sol-opt %s --split-input-file -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.scatter_nd"'
// RUN: %sol-opt %s --split-input-file --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.scatter_nd: the data copied into the result, then the tuples in order on one thread: each
// loads its entries, adds an axis's length to a negative one and clamps it into the axis (the
// interpreter refuses such entries; compiled code never writes outside the result), and
// stores its row of updates there. With two threads only the copy is parallel.
// CHECK-LABEL: "func.func"
// CHECK: "memref.store"(%{{.*}}) : (f32, memref<4x3xf32>, index, index) -> ()
// CHECK: %[[I:.*]] = "memref.load"(%{{.*}}, %[[T:.*]], %{{.*}}) : (memref<3x1xi64>, index, index) -> i64
// CHECK: %[[X:.*]] = "arith.index_cast"(%[[I]]) : (i64) -> index
// CHECK: "arith.select"
// CHECK: "arith.maxsi"
// CHECK: %[[ROW:.*]] = "arith.minsi"
// CHECK: %[[U:.*]] = "memref.load"(%{{.*}}, %[[T]], %[[C:.*]]) : (memref<3x3xf32>, index, index) -> f32
// CHECK: "memref.store"(%[[U]], %{{.*}}, %[[ROW]], %[[C]]) : (f32, memref<4x3xf32>, index, index) -> ()
// CHECK: sym_name = "rows"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "rows"
"func.func"() ({
^bb0(%d: tensor<4x3xf32>, %u: tensor<3x3xf32>):
  %i = "nn.constant"() {value = dense<[[2], [-4], [2]]> : tensor<3x1xi64>} : () -> tensor<3x1xi64>
  %y = "nn.scatter_nd"(%d, %i, %u) : (tensor<4x3xf32>, tensor<3x1xi64>, tensor<3x3xf32>) -> tensor<4x3xf32>
  "func.return"(%y) : (tensor<4x3xf32>) -> ()
}) {function_type = (tensor<4x3xf32>, tensor<3x3xf32>) -> tensor<4x3xf32>, sym_name = "rows"} : () -> ()

// -----

// Reduction add: each update is added to what its element holds, tuple after tuple (the
// repeated tuple adds twice); full tuples name single elements (no inner loop).
// CHECK-LABEL: "func.func"
// CHECK: "arith.minsi"
// CHECK: %[[U:.*]] = "memref.load"(%{{.*}}) : (memref<3xi32>, index) -> i32
// CHECK: %[[OLD:.*]] = "memref.load"(%{{.*}}) : (memref<2x3xi32>, index, index) -> i32
// CHECK: %[[SUM:.*]] = "arith.addi"(%[[OLD]], %[[U]]) : (i32, i32) -> i32
// CHECK: "memref.store"(%[[SUM]], %{{.*}}) : (i32, memref<2x3xi32>, index, index) -> ()
// CHECK: sym_name = "add_elements"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "add_elements"
"func.func"() ({
^bb0(%d: tensor<2x3xi32>, %u: tensor<3xi32>):
  %i = "nn.constant"() {value = dense<[[1, 2], [0, -1], [1, 2]]> : tensor<3x2xi64>} : () -> tensor<3x2xi64>
  %y = "nn.scatter_nd"(%d, %i, %u) {reduction = "add"} : (tensor<2x3xi32>, tensor<3x2xi64>, tensor<3xi32>) -> tensor<2x3xi32>
  "func.return"(%y) : (tensor<2x3xi32>) -> ()
}) {function_type = (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>, sym_name = "add_elements"} : () -> ()
