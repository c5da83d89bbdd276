// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=16},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=0},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// A transpose whose result rows run across the input's rows goes in tiles of 4 x 4 (the
// vector width): four vector loads along input rows 4j .. 4j + 3 from column 4i, two rounds of
// shuffles (the 2 x 2 blocks off the diagonal, then the single lanes), four vector stores
// along result rows 4i .. 4i + 3 from column 4j. The 37th result row (past the whole tiles) is
// scalar loops, cut at the end of the row.
// CHECK-LABEL: "func.func"
// CHECK: %[[X:.*]] = "bufferization.to_memref"
// CHECK: %[[Y:.*]] = "memref.alloc"() {{.*}} -> memref<1x37x20xf32>
// CHECK: ^bb0(%[[I:.*]]: index):
// CHECK: ^bb0(%[[J:.*]]: index):
// CHECK: %[[C:.*]] = "arith.muli"(%[[I]],
// CHECK: %[[R:.*]] = "arith.muli"(%[[J]],
// CHECK: %[[L0:.*]] = "vector.load"(%[[X]], %{{.*}}, %[[R]], %[[C]]) : (memref<1x20x37xf32>, index, index, index) -> vector<4xf32>
// CHECK: %[[L1:.*]] = "vector.load"(%[[X]],
// CHECK: %[[L2:.*]] = "vector.load"(%[[X]],
// CHECK: %[[L3:.*]] = "vector.load"(%[[X]],
// CHECK: %[[A:.*]] = "vector.shuffle"(%[[L0]], %[[L2]]) {mask = [0, 1, 4, 5]}
// CHECK: %[[B:.*]] = "vector.shuffle"(%[[L0]], %[[L2]]) {mask = [2, 3, 6, 7]}
// CHECK: %[[C2:.*]] = "vector.shuffle"(%[[L1]], %[[L3]]) {mask = [0, 1, 4, 5]}
// CHECK: %[[D:.*]] = "vector.shuffle"(%[[L1]], %[[L3]]) {mask = [2, 3, 6, 7]}
// CHECK: %[[T0:.*]] = "vector.shuffle"(%[[A]], %[[C2]]) {mask = [0, 4, 2, 6]}
// CHECK: "vector.shuffle"(%[[A]], %[[C2]]) {mask = [1, 5, 3, 7]}
// CHECK: "vector.shuffle"(%[[B]], %[[D]]) {mask = [0, 4, 2, 6]}
// CHECK: "vector.shuffle"(%[[B]], %[[D]]) {mask = [1, 5, 3, 7]}
// CHECK: "vector.store"(%[[T0]], %[[Y]], %{{.*}}, %[[C]], %[[R]]) : (vector<4xf32>, memref<1x37x20xf32>, index, index, index) -> ()
// CHECK-COUNT-3: "vector.store"
// CHECK: "arith.minsi"
// CHECK: "memref.load"(%[[X]],
// CHECK: "memref.store"(%{{.*}}, %[[Y]],
// CHECK: sym_name = "last_two"

// The same tiles with the other axes around them.
// CHECK: "vector.shuffle"
// CHECK: sym_name = "rotate"
// CHECK: "vector.shuffle"
// CHECK: sym_name = "nhwc_to_nchw_like"

// Result rows that read along the input's rows but shorter than a tile: element by element.
// CHECK-NOT: "vector.shuffle"
// CHECK: sym_name = "narrow"
"func.func"() ({
^bb0(%x: tensor<1x20x37xf32>):
  %0 = "nn.transpose"(%x) {perm = array<i64: 0, 2, 1>} : (tensor<1x20x37xf32>) -> tensor<1x37x20xf32>
  "func.return"(%0) : (tensor<1x37x20xf32>) -> ()
}) {function_type = (tensor<1x20x37xf32>) -> tensor<1x37x20xf32>, sym_name = "last_two"} : () -> ()
"func.func"() ({
^bb0(%x: tensor<3x20x37xf32>):
  %0 = "nn.transpose"(%x) {perm = array<i64: 2, 0, 1>} : (tensor<3x20x37xf32>) -> tensor<37x3x20xf32>
  "func.return"(%0) : (tensor<37x3x20xf32>) -> ()
}) {function_type = (tensor<3x20x37xf32>) -> tensor<37x3x20xf32>, sym_name = "rotate"} : () -> ()
"func.func"() ({
^bb0(%x: tensor<2x5x17x33xf32>):
  %0 = "nn.transpose"(%x) {perm = array<i64: 0, 3, 1, 2>} : (tensor<2x5x17x33xf32>) -> tensor<2x33x5x17xf32>
  "func.return"(%0) : (tensor<2x33x5x17xf32>) -> ()
}) {function_type = (tensor<2x5x17x33xf32>) -> tensor<2x33x5x17xf32>, sym_name = "nhwc_to_nchw_like"} : () -> ()
"func.func"() ({
^bb0(%x: tensor<3x40xf32>):
  %0 = "nn.transpose"(%x) {perm = array<i64: 1, 0>} : (tensor<3x40xf32>) -> tensor<40x3xf32>
  "func.return"(%0) : (tensor<40x3xf32>) -> ()
}) {function_type = (tensor<3x40xf32>) -> tensor<40x3xf32>, sym_name = "narrow"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "last_two"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "rotate"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "nhwc_to_nchw_like"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "narrow"
