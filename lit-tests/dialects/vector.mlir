// RUN: %sol-opt %s | FileCheck %s
// RUN: %sol-opt %s | %sol-opt | FileCheck %s

// CHECK-LABEL: "func.func"
"func.func"() ({
^bb0(%m: memref<16xf32>, %i: index, %x: f32):
  // CHECK: "vector.load"(%arg0, %arg1) : (memref<16xf32>, index) -> vector<8xf32>
  %v = "vector.load"(%m, %i) : (memref<16xf32>, index) -> vector<8xf32>
  %b = "vector.broadcast"(%x) : (f32) -> vector<8xf32>
  %b2 = "vector.broadcast"(%v) : (vector<8xf32>) -> vector<2x8xf32>
  %s = "vector.splat"(%x) : (f32) -> vector<8xf32>
  %f = "vector.fma"(%v, %b, %s) : (vector<8xf32>, vector<8xf32>, vector<8xf32>) -> vector<8xf32>
  // CHECK: "vector.reduction"(%{{.*}}) {kind = #vector.kind<add>} : (vector<8xf32>) -> f32
  %r = "vector.reduction"(%f) {kind = #vector.kind<add>} : (vector<8xf32>) -> f32
  %e = "vector.extract"(%f) {position = [3]} : (vector<8xf32>) -> f32
  %row = "vector.extract"(%b2) {position = [1]} : (vector<2x8xf32>) -> vector<8xf32>
  %ins = "vector.insert"(%e, %f) {position = [0]} : (f32, vector<8xf32>) -> vector<8xf32>
  // CHECK: "vector.transfer_read"
  %t = "vector.transfer_read"(%m, %i, %x) {in_bounds = [true], operand_segment_sizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>} : (memref<16xf32>, index, f32) -> vector<8xf32>
  "vector.transfer_write"(%t, %m, %i) {operand_segment_sizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>} : (vector<8xf32>, memref<16xf32>, index) -> ()
  "vector.store"(%ins, %m, %i) : (vector<8xf32>, memref<16xf32>, index) -> ()
  "func.return"() : () -> ()
}) {function_type = (memref<16xf32>, index, f32) -> (), sym_name = "simd"} : () -> ()
