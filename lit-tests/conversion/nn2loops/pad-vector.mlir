// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=8},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// On a target with vectors, a padded row's columns that read the input row in order go in
// vectors: here (9 columns padded by 2 before and 3 after, rows of 14) the two leading
// columns element by element, two vectors of 4 from input column 0 (the row's source found
// once: a clamped row, selected against the fill where the row itself is padding), then the
// rest element by element (the ninth input column and the trailing border).
// CHECK-LABEL: "func.func"
// CHECK: %[[X:.*]] = "bufferization.to_memref"
// CHECK: %[[Y:.*]] = "memref.alloc"() {{.*}} -> memref<2x4x14xf32>
// CHECK: %[[ROW:.*]] = "arith.andi"
// CHECK: %[[CI:.*]] = "arith.minsi"
// CHECK: "memref.store"
// CHECK: %[[FILLS:.*]] = "vector.broadcast"
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[C:.*]]: index):
// CHECK-NEXT: %[[AT:.*]] = "arith.muli"(%[[C]],
// CHECK-NEXT: %[[J:.*]] = "arith.addi"(%[[AT]],
// CHECK-NEXT: %[[V:.*]] = "vector.load"(%[[X]], %{{.*}}, %{{.*}}, %[[AT]]) : (memref<2x3x9xf32>, index, index, index) -> vector<4xf32>
// CHECK-NEXT: %[[S:.*]] = "arith.select"(%{{.*}}, %[[V]], %[[FILLS]]) : (i1, vector<4xf32>, vector<4xf32>) -> vector<4xf32>
// CHECK-NEXT: "vector.store"(%[[S]], %[[Y]], %{{.*}}, %{{.*}}, %[[J]])
// CHECK: "memref.store"
// CHECK: sym_name = "constant"

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "one_axis"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<2x3x9xf32>):
    %y = "nn.pad"(%x) {pads = array<i64: 0, 1, 2, 0, 0, 3>, mode = "constant", value = 0.5 : f64} : (tensor<2x3x9xf32>) -> tensor<2x4x14xf32>
    "func.return"(%y) : (tensor<2x4x14xf32>) -> ()
  }) {function_type = (tensor<2x3x9xf32>) -> tensor<2x4x14xf32>, sym_name = "constant"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<2x3x5x37xf32>):
    %y = "nn.pad"(%x) {pads = array<i64: 0, 1, 2, 3, 0, 0, 1, 4>, mode = "constant", value = 0.5 : f64} : (tensor<2x3x5x37xf32>) -> tensor<2x4x8x44xf32>
    "func.return"(%y) : (tensor<2x4x8x44xf32>) -> ()
  }) {function_type = (tensor<2x3x5x37xf32>) -> tensor<2x4x8x44xf32>, sym_name = "constant_4d"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<1x3x6x40xf32>):
    %y = "nn.pad"(%x) {pads = array<i64: 0, 0, 3, 4, 0, 0, 2, 5>, mode = "reflect"} : (tensor<1x3x6x40xf32>) -> tensor<1x3x11x49xf32>
    "func.return"(%y) : (tensor<1x3x11x49xf32>) -> ()
  }) {function_type = (tensor<1x3x6x40xf32>) -> tensor<1x3x11x49xf32>, sym_name = "reflect"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<3x33xf32>):
    %y = "nn.pad"(%x) {pads = array<i64: 2, 17, 1, 20>, mode = "edge"} : (tensor<3x33xf32>) -> tensor<6x70xf32>
    "func.return"(%y) : (tensor<6x70xf32>) -> ()
  }) {function_type = (tensor<3x33xf32>) -> tensor<6x70xf32>, sym_name = "edge"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<4x35xf32>):
    %y = "nn.pad"(%x) {pads = array<i64: 1, 3, 2, 30>, mode = "wrap"} : (tensor<4x35xf32>) -> tensor<7x68xf32>
    "func.return"(%y) : (tensor<7x68xf32>) -> ()
  }) {function_type = (tensor<4x35xf32>) -> tensor<7x68xf32>, sym_name = "wrap"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<2x3x40xf32>):
    %y = "nn.pad"(%x) {pads = array<i64: 0, -1, -3, 0, 1, 2>, mode = "constant", value = 0.0 : f64} : (tensor<2x3x40xf32>) -> tensor<2x3x39xf32>
    "func.return"(%y) : (tensor<2x3x39xf32>) -> ()
  }) {function_type = (tensor<2x3x40xf32>) -> tensor<2x3x39xf32>, sym_name = "crop"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<2x3xf32>):
    %y = "nn.pad"(%x) {pads = array<i64: 1, 1, 1, 1>, mode = "constant", value = 0.0 : f64} : (tensor<2x3xf32>) -> tensor<4x5xf32>
    "func.return"(%y) : (tensor<4x5xf32>) -> ()
  }) {function_type = (tensor<2x3xf32>) -> tensor<4x5xf32>, sym_name = "short_rows"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<2x20xi64>):
    %y = "nn.pad"(%x) {pads = array<i64: 1, 2, 0, 3>, mode = "constant", value = 7 : i64} : (tensor<2x20xi64>) -> tensor<3x25xi64>
    "func.return"(%y) : (tensor<3x25xi64>) -> ()
  }) {function_type = (tensor<2x20xi64>) -> tensor<3x25xi64>, sym_name = "integers"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<40xf32>):
    %y = "nn.pad"(%x) {pads = array<i64: 3, 5>, mode = "reflect"} : (tensor<40xf32>) -> tensor<48xf32>
    "func.return"(%y) : (tensor<48xf32>) -> ()
  }) {function_type = (tensor<40xf32>) -> tensor<48xf32>, sym_name = "one_axis"} : () -> ()
}) : () -> ()
