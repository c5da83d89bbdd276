// Scalable vector types in MLIR 16's syntax: one trailing run of scalable dimensions in
// brackets. Types print as mlir-opt-16 --mlir-print-op-generic prints them;
// mlir-compat/scalable-vectors.mlir compares the whole output with it.
// RUN: %sol-opt %s | FileCheck %s
// Printing is a fixpoint:
// RUN: %sol-opt %s > %t.1.mlir
// RUN: %sol-opt %t.1.mlir > %t.2.mlir
// RUN: diff %t.1.mlir %t.2.mlir

// CHECK: ^bb0(%arg0: vector<[4]xf32>, %arg1: vector<2x[4]xf32>, %arg2: vector<[2x4]xi8>, %arg3: vector<[1]xindex>, %arg4: vector<4x[8x2]xf16>, %arg5: memref<8xf32>, %arg6: index):
// CHECK-NEXT: %0 = "arith.addf"(%arg0, %arg0) : (vector<[4]xf32>, vector<[4]xf32>) -> vector<[4]xf32>
// CHECK-NEXT: %1 = "arith.cmpf"(%arg0, %arg0) {predicate = 1 : i64} : (vector<[4]xf32>, vector<[4]xf32>) -> vector<[4]xi1>
// CHECK-NEXT: %2 = "vector.broadcast"(%0) : (vector<[4]xf32>) -> vector<2x[4]xf32>
// CHECK-NEXT: %3 = "vector.load"(%arg5, %arg6) : (memref<8xf32>, index) -> vector<[4]xf32>
// CHECK-NEXT: "vector.store"(%3, %arg5, %arg6) : (vector<[4]xf32>, memref<8xf32>, index) -> ()
// CHECK-NEXT: %4 = "arith.constant"() {value = dense<1.000000e+00> : vector<[4]xf32>} : () -> vector<[4]xf32>
// CHECK-NEXT: %5 = "vector.splat"(%arg6) : (index) -> vector<[1]xindex>
// CHECK-NEXT: %6 = "vector.reduction"(%arg0) {kind = #vector.kind<add>} : (vector<[4]xf32>) -> f32
// CHECK-NEXT: %7 = "vector.insert"(%0, %arg1) {position = [0]} : (vector<[4]xf32>, vector<2x[4]xf32>) -> vector<2x[4]xf32>
// CHECK-NEXT: %8 = "vector.extract"(%arg1) {position = [1]} : (vector<2x[4]xf32>) -> vector<4xf32>
// CHECK-NEXT: %9 = "arith.extf"(%arg4) : (vector<4x[8x2]xf16>) -> vector<4x[8x2]xf32>
// CHECK-NEXT: "func.return"() : () -> ()
// CHECK-NEXT: }) {function_type = (vector<[4]xf32>, vector<2x[4]xf32>, vector<[2x4]xi8>, vector<[1]xindex>, vector<4x[8x2]xf16>, memref<8xf32>, index) -> (), sym_name = "f", t = vector<[4x4]xf32>, u = memref<2xvector<[4]xf32>>} : () -> ()
"func.func"() ({
^bb0(%a: vector<[4]xf32>, %b: vector<2x[4]xf32>, %c: vector<[2x4]xi8>, %d: vector<[1]xindex>, %e: vector<4x[8x2]xf16>, %m: memref<8xf32>, %i: index):
  %0 = "arith.addf"(%a, %a) : (vector<[4]xf32>, vector<[4]xf32>) -> vector<[4]xf32>
  %1 = "arith.cmpf"(%a, %a) {predicate = 1 : i64} : (vector<[4]xf32>, vector<[4]xf32>) -> vector<[4]xi1>
  %2 = "vector.broadcast"(%0) : (vector<[4]xf32>) -> vector<2x[4]xf32>
  %3 = "vector.load"(%m, %i) : (memref<8xf32>, index) -> vector<[4]xf32>
  "vector.store"(%3, %m, %i) : (vector<[4]xf32>, memref<8xf32>, index) -> ()
  %4 = "arith.constant"() {value = dense<1.0> : vector<[4]xf32>} : () -> vector<[4]xf32>
  %5 = "vector.splat"(%i) : (index) -> vector<[1]xindex>
  %6 = "vector.reduction"(%a) {kind = #vector.kind<add>} : (vector<[4]xf32>) -> f32
  // MLIR 16 checks only ranks for vector.insert, and infers vector.extract's slice without scalable dimensions.
  %7 = "vector.insert"(%0, %b) {position = [0]} : (vector<[4]xf32>, vector<2x[4]xf32>) -> vector<2x[4]xf32>
  %8 = "vector.extract"(%b) {position = [1]} : (vector<2x[4]xf32>) -> vector<4xf32>
  %9 = "arith.extf"(%e) : (vector<4x[8x2]xf16>) -> vector<4x[8x2]xf32>
  "func.return"() : () -> ()
}) {function_type = (vector<[4]xf32>, vector<2x[4]xf32>, vector<[2x4]xi8>, vector<[1]xindex>, vector<4x[8x2]xf16>, memref<8xf32>, index) -> (), sym_name = "f", t = vector<[4x4]xf32>, u = memref<2xvector<[4]xf32>>} : () -> ()
