// RUN: %sol-opt %s --split-input-file -p convert-nn-to-loops | FileCheck %s
// RUN: %sol-opt %s --split-input-file --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.argmax along axis 1 of 2x5x3: per output (2 x 1 x 3), a loop over the 4 elements after
// the first carrying the best value and its index; an element replaces them when it is
// greater (ordered), or when it is NaN and the best is not; the index is stored as i64.
// CHECK-LABEL: "func.func"
// CHECK: %[[FIRST:.*]] = "memref.load"
// CHECK: "scf.for"(%{{.*}}, %{{.*}}, %{{.*}}, %[[FIRST]], %{{.*}}) ({
// CHECK: ^bb0(%[[J:.*]]: index, %[[B:.*]]: f32, %[[I:.*]]: index):
// CHECK: %[[V:.*]] = "memref.load"
// CHECK-DAG: %[[GT:.*]] = "arith.cmpf"(%[[V]], %[[B]]) {predicate = 2 : i64}
// CHECK-DAG: %[[NAN:.*]] = "arith.cmpf"(%[[V]], %[[V]]) {predicate = 14 : i64}
// CHECK: "arith.ori"
// CHECK: "arith.select"
// CHECK: "arith.index_cast"({{.*}}) : (index) -> i64
// CHECK: "memref.store"({{.*}}) : (i64, memref<2x1x3xi64>, index, index, index) -> ()
// CHECK: sym_name = "argmax_keepdims"
"func.func"() ({
^bb0(%x: tensor<2x5x3xf32>):
  %0 = "nn.argmax"(%x) {axis = 1 : i64} : (tensor<2x5x3xf32>) -> tensor<2x1x3xi64>
  "func.return"(%0) : (tensor<2x1x3xi64>) -> ()
}) {function_type = (tensor<2x5x3xf32>) -> tensor<2x1x3xi64>, sym_name = "argmax_keepdims"} : () -> ()

// -----

// nn.argmin of unsigned integers along the last axis without keepdims, the last of equal
// ones: unsigned less-or-equal (predicate 7, ule).
// CHECK-LABEL: "func.func"
// CHECK: "arith.cmpi"({{.*}}) {predicate = 7 : i64}
// CHECK: "memref.store"({{.*}}) : (i64, memref<4xi64>, index) -> ()
// CHECK: sym_name = "argmin_unsigned_last"
"func.func"() ({
^bb0(%x: tensor<4x6xui8>):
  %0 = "nn.argmin"(%x) {axis = -1 : i64, keepdims = 0 : i64, select_last_index = 1 : i64} : (tensor<4x6xui8>) -> tensor<4xi64>
  "func.return"(%0) : (tensor<4xi64>) -> ()
}) {function_type = (tensor<4x6xui8>) -> tensor<4xi64>, sym_name = "argmin_unsigned_last"} : () -> ()

// Interpreting the modules on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "argmax_keepdims"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "argmin_unsigned_last"
