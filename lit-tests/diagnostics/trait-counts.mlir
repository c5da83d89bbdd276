// The count traits MLIR derives from an op's declaration (OneOperand, NOperands,
// AtLeastNOperands, ZeroOperands, OneResult, ZeroResults, ZeroRegions, OneRegion, NRegions,
// ZeroSuccessors, AttrSizedOperandSegments) in MLIR 16's words and order;
// mlir-compat/verify-diagnostics.mlir runs this file through mlir-opt-16 too.
// RUN: %sol-opt --split-input-file --verify-diagnostics %s

// OneOperand
"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'arith.negf' op requires a single operand}}
  %0 = "arith.negf"(%x, %x) : (f32, f32) -> f32
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'arith.negf' op requires a single operand}}
  %0 = "arith.negf"() : () -> f32
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%m: memref<4xf32>):
  // expected-error @+1 {{'memref.dealloc' op requires a single operand}}
  "memref.dealloc"(%m, %m) : (memref<4xf32>, memref<4xf32>) -> ()
  "func.return"() : () -> ()
}) {function_type = (memref<4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'vector.broadcast' op requires a single operand}}
  %0 = "vector.broadcast"(%x, %x) : (f32, f32) -> vector<4xf32>
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%c: i1):
  // expected-error @+1 {{'scf.if' op requires a single operand}}
  "scf.if"() ({
    "scf.yield"() : () -> ()
  }, {
  }) : () -> ()
  "func.return"() : () -> ()
}) {function_type = (i1) -> (), sym_name = "f"} : () -> ()

// -----

// NOperands
"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'math.fma' op expected 3 operands, but found 2}}
  %0 = "math.fma"(%x, %x) : (f32, f32) -> f32
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32, %c: i1):
  // expected-error @+1 {{'arith.select' op expected 3 operands, but found 2}}
  %0 = "arith.select"(%c, %x) : (i1, f32) -> f32
  "func.return"() : () -> ()
}) {function_type = (f32, i1) -> (), sym_name = "f"} : () -> ()

// -----

// ZeroOperands
"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'arith.constant' op requires zero operands}}
  %0 = "arith.constant"(%x) {value = 1.0 : f32} : (f32) -> f32
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%m: memref<4xf32>):
  // expected-error @+1 {{'memref.get_global' op requires zero operands}}
  %0 = "memref.get_global"(%m) {name = @g} : (memref<4xf32>) -> memref<4xf32>
  "func.return"() : () -> ()
}) {function_type = (memref<4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

// AtLeastNOperands
"func.func"() ({
^bb0(%m: memref<4xf32>):
  // expected-error @+1 {{'memref.load' op expected 1 or more operands, but found 0}}
  %0 = "memref.load"() : () -> f32
  "func.return"() : () -> ()
}) {function_type = (memref<4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%i: index):
  // expected-error @+1 {{'scf.for' op expected 3 or more operands, but found 1}}
  "scf.for"(%i) ({
  ^bb0(%iv: index):
    "scf.yield"() : () -> ()
  }) : (index) -> ()
  "func.return"() : () -> ()
}) {function_type = (index) -> (), sym_name = "f"} : () -> ()

// -----

// An optional operand holds at most one value.
"func.func"() ({
^bb0(%v: vector<4xf32>, %f: f32):
  // expected-error @+1 {{'vector.reduction' op operand group starting at #1 requires 0 or 1 element, but found 2}}
  %0 = "vector.reduction"(%v, %f, %f) {kind = #vector.kind<add>} : (vector<4xf32>, f32, f32) -> f32
  "func.return"() : () -> ()
}) {function_type = (vector<4xf32>, f32) -> (), sym_name = "f"} : () -> ()

// -----

// OneResult
"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'math.fma' op requires one result}}
  %0:2 = "math.fma"(%x, %x, %x) : (f32, f32, f32) -> (f32, f32)
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'arith.addf' op requires one result}}
  "arith.addf"(%x, %x) : (f32, f32) -> ()
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

// ZeroResults
"func.func"() ({
^bb0(%m: memref<4xf32>, %x: f32, %i: index):
  // expected-error @+1 {{'memref.store' op requires zero results}}
  %0 = "memref.store"(%x, %m, %i) : (f32, memref<4xf32>, index) -> f32
  "func.return"() : () -> ()
}) {function_type = (memref<4xf32>, f32, index) -> (), sym_name = "f"} : () -> ()

// -----

// ZeroRegions
"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'arith.addf' op requires zero regions}}
  %0 = "arith.addf"(%x, %x) ({
  }) : (f32, f32) -> f32
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'func.return' op requires zero regions}}
  "func.return"() ({
  }) : () -> ()
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

// OneRegion
"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'scf.execute_region' op requires one region}}
  "scf.execute_region"() : () -> ()
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

// NRegions
"func.func"() ({
^bb0(%c: i1):
  // expected-error @+1 {{'scf.while' op expected 2 regions}}
  "scf.while"() ({
    "scf.condition"(%c) : (i1) -> ()
  }) : () -> ()
  "func.return"() : () -> ()
}) {function_type = (i1) -> (), sym_name = "f"} : () -> ()

// -----

// ZeroSuccessors
"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'func.return' op requires 0 successors but found 1}}
  "func.return"()[^bb1] : () -> ()
^bb1:
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

// The parser refuses successors on a registered op that is not a terminator.
"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{successors in non-terminator}}
  %0 = "arith.addf"(%x, %x)[^bb1] : (f32, f32) -> f32
^bb1:
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{cannot name an operation with no results}}
  %0 = "func.call"(%x) {callee = @f} : (f32) -> ()
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

// MLIR's order: counts of regions, results, successors and operands; structural traits
// (terminator, parent); attributes; operand types; result types.
"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'arith.addf' op requires zero regions}}
  "arith.addf"(%x, %x) ({
  }) : (f32, f32) -> ()
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'scf.condition' op expects parent op 'scf.while'}}
  "scf.condition"(%x) : (f32) -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%i: i32):
  // expected-error @+1 {{'arith.addf' op requires one result}}
  "arith.addf"(%i, %i) : (i32, i32) -> ()
  "func.return"() : () -> ()
}) {function_type = (i32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'arith.cmpf' op attribute 'predicate' failed to satisfy constraint: allowed 64-bit signless integer cases: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}}
  %0 = "arith.cmpf"(%x, %x) {predicate = 99 : i64} : (f32, f32) -> f32
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%i: i32):
  // expected-error @+1 {{'vector.reduction' op requires attribute 'kind'}}
  %0 = "vector.reduction"(%i) : (i32) -> i32
  "func.return"() : () -> ()
}) {function_type = (i32) -> (), sym_name = "f"} : () -> ()

// -----

// Segment sizes: the trait checks the attribute, its signs and its sum; the invariants its length.
"func.func"() ({
^bb0(%i: index):
  // expected-error @+1 {{'scf.parallel' op requires dense i32 array attribute 'operand_segment_sizes'}}
  "scf.parallel"(%i, %i, %i) ({
  ^bb0(%iv: index):
    "scf.yield"() : () -> ()
  }) : (index, index, index) -> ()
  "func.return"() : () -> ()
}) {function_type = (index) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%i: index):
  // expected-error @+1 {{'scf.parallel' op 'operand_segment_sizes' attribute cannot have negative elements}}
  "scf.parallel"(%i, %i, %i) ({
  ^bb0(%iv: index):
    "scf.yield"() : () -> ()
  }) {operand_segment_sizes = array<i32: 1, 1, 2, -1>} : (index, index, index) -> ()
  "func.return"() : () -> ()
}) {function_type = (index) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%i: index):
  // expected-error @+1 {{'scf.parallel' op operand count (3) does not match with the total size (4) specified in attribute 'operand_segment_sizes'}}
  "scf.parallel"(%i, %i, %i) ({
  ^bb0(%iv: index):
    "scf.yield"() : () -> ()
  }) {operand_segment_sizes = array<i32: 1, 1, 2, 0>} : (index, index, index) -> ()
  "func.return"() : () -> ()
}) {function_type = (index) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%i: index):
  // expected-error @+1 {{'scf.parallel' op 'operand_segment_sizes' attribute for specifying operand segments must have 4 elements, but got 3}}
  "scf.parallel"(%i, %i, %i) ({
  ^bb0(%iv: index):
    "scf.yield"() : () -> ()
  }) {operand_segment_sizes = array<i32: 1, 1, 1>} : (index, index, index) -> ()
  "func.return"() : () -> ()
}) {function_type = (index) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%m: memref<4xf32>):
  // expected-error @+1 {{'memref.subview' op requires attribute 'static_strides'}}
  %0 = "memref.subview"(%m) {operand_segment_sizes = array<i32: 1, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64: 2>} : (memref<4xf32>) -> memref<2xf32>
  "func.return"() : () -> ()
}) {function_type = (memref<4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%m: memref<4xf32>, %i: index):
  // expected-error @+1 {{'memref.subview' op operand #1 must be memref of any type values, but got 'index'}}
  %0 = "memref.subview"(%m, %i) {operand_segment_sizes = array<i32: 2, 0, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64: 2>, static_strides = array<i64: 1>} : (memref<4xf32>, index) -> memref<2xf32>
  "func.return"() : () -> ()
}) {function_type = (memref<4xf32>, index) -> (), sym_name = "f"} : () -> ()
