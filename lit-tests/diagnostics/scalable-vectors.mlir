// Malformed and misused scalable vector types get MLIR 16's errors
// (mlir-compat/scalable-vectors.mlir runs this file through mlir-opt-16 too).
// RUN: %sol-opt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s

// Only one trailing run of dimensions can be scalable.
// expected-error @+1 {{expected non-function type}}
"test.t"() {t = vector<[4]x2xf32>} : () -> ()

// -----

// expected-error @+1 {{expected non-function type}}
"test.t"() {t = vector<[2]x[4]xf32>} : () -> ()

// -----

// Tensors and memrefs have no scalable dimensions.
// expected-error @+1 {{expected non-function type}}
"test.t"() {t = tensor<[4]xf32>} : () -> ()

// -----

// expected-error @+1 {{expected non-function type}}
"test.t"() {t = memref<2x[4]xf32>} : () -> ()

// -----

// expected-error @+1 {{missing ']' closing set of scalable dimensions}}
"test.t"() {t = vector<[?]xf32>} : () -> ()

// -----

// expected-error @+1 {{missing ']' closing set of scalable dimensions}}
"test.t"() {t = vector<[]xf32>} : () -> ()

// -----

// expected-error @+1 {{expected 'x' in dimension list}}
"test.t"() {t = vector<2x[4]>} : () -> ()

// -----

// expected-error @+1 {{vector types must have positive constant sizes}}
"test.t"() {t = vector<[0]xf32>} : () -> ()

// -----

// expected-error @+1 {{vector elements must be int/index/float type}}
"test.t"() {t = vector<[4]xvector<4xf32>>} : () -> ()

// -----

// Scalable and fixed dimensions of the same size are different shapes.
"func.func"() ({
^bb0(%a: vector<[4]xf32>):
  // expected-error @+1 {{'arith.cmpf' op failed to verify that result type has i1 element type and same shape as operands}}
  %0 = "arith.cmpf"(%a, %a) {predicate = 1 : i64} : (vector<[4]xf32>, vector<[4]xf32>) -> vector<4xi1>
  "func.return"() : () -> ()
}) {function_type = (vector<[4]xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: vector<[4]xf16>):
  // expected-error @+1 {{'arith.extf' op requires the same shape for all operands and results}}
  %0 = "arith.extf"(%a) : (vector<[4]xf16>) -> vector<4xf32>
  "func.return"() : () -> ()
}) {function_type = (vector<[4]xf16>) -> (), sym_name = "f"} : () -> ()

// -----

// MLIR 16 infers vector.extract's slice without its scalable dimensions.
"func.func"() ({
^bb0(%a: vector<2x[4]xf32>):
  // expected-error @+1 {{'vector.extract'}}
  %0 = "vector.extract"(%a) {position = [1]} : (vector<2x[4]xf32>) -> vector<[4]xf32>
  "func.return"() : () -> ()
}) {function_type = (vector<2x[4]xf32>) -> (), sym_name = "f"} : () -> ()
