// Every parse error has an error line with file:line:col; --verify-diagnostics checks them.
// RUN: %sol-opt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s

// expected-error @+1 {{use of undeclared SSA value name}}
%0 = "test.use"(%undefined) : (i32) -> i32

// -----

// expected-note @+1 {{prior use here}}
%0 = "test.def"() : () -> i32
// expected-error @+1 {{use of value '%0' expects different type than prior uses: 'f32' vs 'i32'}}
%1 = "test.use"(%0) : (f32) -> f32

// -----

// expected-note @+1 {{previously defined here}}
%0 = "test.def"() : () -> i32
// expected-error @+1 {{redefinition of SSA value '%0'}}
%0 = "test.def"() : () -> i32

// -----

// expected-error @+1 {{expected 2 operand types but had 1}}
%2 = "test.two"(%0, %1) : (i32) -> i32

// -----

// expected-error @+1 {{operation defines 2 results but was provided 1 to bind}}
%0 = "test.two_results"() : () -> (i32, i32)

// -----

%0:2 = "test.two_results"() : () -> (i32, i32)
// expected-error @+1 {{reference to invalid result number}}
"test.use"(%0#2) : (i32) -> ()

// -----

// expected-error @+1 {{expected ')' to end operand list}}
"test.op"(%0 : () -> ()

// -----

// expected-error @+1 {{expected non-function type}}
"test.op"() : () -> tensor<4x>

// -----

// expected-error @+1 {{undefined symbol alias id 'nope'}}
"test.op"() {a = #nope} : () -> ()

// -----

// expected-error @+1 {{unexpected character}}
"test.op"() $ : () -> ()

// -----

// expected-error @+1 {{expected '"' in string literal}}
"test.op"() {a = "unterminated} : () -> ()

// -----

"test.op"() ({
  // expected-error @+1 {{reference to an undefined block}}
  "test.br"()[^nowhere] : () -> ()
}) : () -> ()

// -----

"test.op"() ({
^bb0:
  "test.br"()[^bb0] : () -> ()
// expected-error @+1 {{redefinition of block '^bb0'}}
^bb0:
  "test.end"() : () -> ()
}) : () -> ()

// -----

// expected-error @+1 {{integer constant out of range for attribute}}
"test.op"() {a = 300 : i8} : () -> ()

// -----

// expected-error @+1 {{unexpected decimal integer literal for a floating point value}}
"test.op"() {a = 1 : f32} : () -> ()
// expected-note @-1 {{add a trailing dot to make the literal a float}}

// -----

// expected-error @+1 {{inferred shape of elements literal ([3]) does not match type ([2])}}
"test.op"() {a = dense<[1.0, 2.0, 3.0]> : tensor<2xf32>} : () -> ()

// -----

// expected-error @+1 {{expected floating-point elements, but parsed integer}}
"test.op"() {a = dense<[1, 2]> : tensor<2xf32>} : () -> ()

// -----

// expected-error @+1 {{elements hex data size is invalid for provided type}}
"test.op"() {a = dense<"0x0000803F00"> : tensor<2xf32>} : () -> ()

// -----

// expected-error @+1 {{vector types must have positive constant sizes}}
"test.op"() : () -> vector<0xf32>

// -----

// expected-error @+1 {{memref layout mismatch between rank and affine map: 2 != 1}}
"test.op"() : () -> memref<2x2xf32, affine_map<(d0) -> (d0)>>

// -----

// expected-error @+1 {{use of undeclared identifier}}
"test.op"() {m = affine_map<(d0) -> (d9)>} : () -> ()

// -----

// expected-error @+1 {{non-affine expression: at least one of the multiply operands has to be either a constant or symbolic}}
"test.op"() {m = affine_map<(d0, d1) -> (d0 * d1)>} : () -> ()

// -----

// expected-error @+1 {{duplicate key 'a' in dictionary attribute}}
"test.op"() {a = 1, a = 2} : () -> ()

// -----

// The function body may not use values defined outside it.
%outer = "test.def"() : () -> i32
// expected-note @+1 {{required by region isolation constraints}}
"func.func"() ({
  // expected-error @+1 {{'func.return' op using value defined outside the region}}
  "func.return"(%outer) : (i32) -> ()
}) {function_type = () -> i32, sym_name = "f"} : () -> ()

// -----

// expected-error @+1 {{operation location alias was never defined}}
"test.op"() : () -> () loc(#undefined_loc)

// -----

"test.op"() : () -> ()
// expected-error @+1 {{file metadata dictionaries ({-# ... #-}, dialect resources) are not supported by SOL}}
{-#
  dialect_resources: {}
#-}
