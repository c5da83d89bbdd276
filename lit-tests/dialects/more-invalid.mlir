// Invalid forms of the remaining core ops.
// RUN: %sol-opt --split-input-file --verify-diagnostics %s

// expected-error @+1 {{'builtin.unrealized_conversion_cast' op expected at least one result for cast operation}}
"builtin.unrealized_conversion_cast"() : () -> ()

// -----

"func.func"() ({
}) {function_type = (f32) -> f32, sym_name = "g", sym_visibility = "private"} : () -> ()
"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'func.call' op incorrect number of results for callee}}
  "func.call"(%x) {callee = @g} : (f32) -> ()
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%n: index):
  // expected-error @+1 {{'scf.while' op expects the 'before' region to terminate with 'scf.condition'}}
  %0 = "scf.while"(%n) ({
  ^bb0(%i: index):
    // expected-note @+1 {{terminator here}}
    "scf.yield"(%i) : (index) -> ()
  }, {
  ^bb0(%i: index):
    "scf.yield"(%i) : (index) -> ()
  }) : (index) -> index
  "func.return"() : () -> ()
}) {function_type = (index) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%c: i1):
  // expected-error @+1 {{'scf.condition' op expects parent op 'scf.while'}}
  "scf.condition"(%c) : (i1) -> ()
}) {function_type = (i1) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%n: index, %x: f32):
  %0 = "scf.parallel"(%n, %n, %n, %x) ({
  ^bb0(%i: index):
    // expected-error @+1 {{'scf.reduce' op expects two arguments to reduce block of type 'f32'}}
    "scf.reduce"(%x) ({
    ^bb0(%l: f32):
      "scf.reduce.return"(%l) : (f32) -> ()
    }) : (f32) -> ()
    "scf.yield"() : () -> ()
  }) {operand_segment_sizes = array<i32: 1, 1, 1, 1>} : (index, index, index, f32) -> f32
  "func.return"() : () -> ()
}) {function_type = (index, f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
  // expected-error @+1 {{'scf.execute_region' op region needs to have at least one block}}
  "scf.execute_region"() ({
  }) : () -> ()
  "func.return"() : () -> ()
}) {function_type = () -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'memref.dealloc' op operand #0 must be unranked.memref of any type values or memref of any type values, but got 'f32'}}
  "memref.dealloc"(%x) : (f32) -> ()
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%m: memref<4x4xf32>):
  // expected-error @+1 {{expected mixed offsets rank to match mixed sizes rank (1 vs 2) so the rank of the result type is well-formed.}}
  %0 = "memref.subview"(%m) {operand_segment_sizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64: 2, 2>, static_strides = array<i64: 1, 1>} : (memref<4x4xf32>) -> memref<2x2xf32, strided<[4, 1]>>
  "func.return"() : () -> ()
}) {function_type = (memref<4x4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%m: memref<4xf32>, %s: memref<2xindex>):
  // expected-error @+1 {{'memref.reshape' op element types of source and destination memref types should be the same}}
  %0 = "memref.reshape"(%m, %s) : (memref<4xf32>, memref<2xindex>) -> memref<2x2xi32>
  "func.return"() : () -> ()
}) {function_type = (memref<4xf32>, memref<2xindex>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%m: memref<4xf32>, %t: memref<4xi32>):
  // expected-error @+1 {{'memref.copy' op requires the same element type for all operands}}
  "memref.copy"(%m, %t) : (memref<4xf32>, memref<4xi32>) -> ()
  "func.return"() : () -> ()
}) {function_type = (memref<4xf32>, memref<4xi32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%m: memref<4xf32>):
  // expected-error @+1 {{'memref.cast' op operand type 'memref<4xf32>' and result type 'memref<5xf32>' are cast incompatible}}
  %0 = "memref.cast"(%m) : (memref<4xf32>) -> memref<5xf32>
  "func.return"() : () -> ()
}) {function_type = (memref<4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%v: vector<4xf32>, %m: memref<4x4xf32>, %i: index):
  // expected-error @+1 {{'vector.store' op requires 2 indices}}
  "vector.store"(%v, %m, %i) : (vector<4xf32>, memref<4x4xf32>, index) -> ()
  "func.return"() : () -> ()
}) {function_type = (vector<4xf32>, memref<4x4xf32>, index) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: vector<4xf32>, %b: vector<8xf32>):
  // expected-error @+1 {{'vector.fma' op failed to verify that all of {lhs, rhs, acc, result} have same type}}
  %0 = "vector.fma"(%a, %b, %a) : (vector<4xf32>, vector<8xf32>, vector<4xf32>) -> vector<4xf32>
  "func.return"() : () -> ()
}) {function_type = (vector<4xf32>, vector<8xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32, %v: vector<4xf32>):
  // expected-error @+1 {{'vector.insert' op expected position attribute of rank smaller than dest vector rank}}
  %0 = "vector.insert"(%x, %v) {position = [0, 1]} : (f32, vector<4xf32>) -> vector<4xf32>
  "func.return"() : () -> ()
}) {function_type = (f32, vector<4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%v: vector<4xf32>, %m: memref<4x4xf32>, %i: index):
  // expected-error @+1 {{'vector.transfer_write' op requires a permutation_map with input dims of the same rank as the source type}}
  "vector.transfer_write"(%v, %m, %i, %i) {operand_segment_sizes = array<i32: 1, 1, 2, 0>, permutation_map = affine_map<(d0) -> (d0)>} : (vector<4xf32>, memref<4x4xf32>, index, index) -> ()
  "func.return"() : () -> ()
}) {function_type = (vector<4xf32>, memref<4x4xf32>, index) -> (), sym_name = "f"} : () -> ()
