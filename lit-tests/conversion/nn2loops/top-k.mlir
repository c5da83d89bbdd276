// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.top_k: per row, k = 3 rounds along the axis, each carrying the best element and its
// index through a scan of the row (an element qualifies when it comes after the one the round
// before took: smaller, or equal with a larger index); each round stores the value and its
// index as i64.
// CHECK-LABEL: "func.func"
// CHECK: "scf.for"
// CHECK: %[[ROUND:.*]]:2 = "scf.for"
// CHECK: "arith.cmpf"(%{{.*}}, %{{.*}}) {predicate = 2 : i64}
// CHECK: "arith.cmpi"
// CHECK: "arith.select"
// CHECK: "memref.store"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (f32, memref<4x3xf32>, index, index) -> ()
// CHECK: %[[I:.*]] = "arith.index_cast"(%{{.*}}) : (index) -> i64
// CHECK: "memref.store"(%[[I]], %{{.*}}, %{{.*}}, %{{.*}}) : (i64, memref<4x3xi64>, index, index) -> ()
// CHECK: sym_name = "top3"
"func.func"() ({
^bb0(%x: tensor<4x9xf32>):
  %v, %i = "nn.top_k"(%x) {k = 3 : i64} : (tensor<4x9xf32>) -> (tensor<4x3xf32>, tensor<4x3xi64>)
  "func.return"(%v, %i) : (tensor<4x3xf32>, tensor<4x3xi64>) -> ()
}) {function_type = (tensor<4x9xf32>) -> (tensor<4x3xf32>, tensor<4x3xi64>), sym_name = "top3"} : () -> ()

// The smallest two along the first axis of integers.
// CHECK-LABEL: "func.func"
// CHECK: "arith.cmpi"(%{{.*}}, %{{.*}}) {predicate = 2 : i64}
// CHECK: sym_name = "bottom2"
"func.func"() ({
^bb0(%x: tensor<5x3xi32>):
  %v, %i = "nn.top_k"(%x) {k = 2 : i64, axis = 0 : i64, largest = 0 : i64} : (tensor<5x3xi32>) -> (tensor<2x3xi32>, tensor<2x3xi64>)
  "func.return"(%v, %i) : (tensor<2x3xi32>, tensor<2x3xi64>) -> ()
}) {function_type = (tensor<5x3xi32>) -> (tensor<2x3xi32>, tensor<2x3xi64>), sym_name = "bottom2"} : () -> ()

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "top3"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "bottom2"
