// RUN: %sol-opt --split-input-file --verify-diagnostics %s

"func.func"() ({
^bb0(%i: i32):
  // expected-error @+1 {{'arith.addf' op operand #0 must be floating-point-like, but got 'i32'}}
  %0 = "arith.addf"(%i, %i) : (i32, i32) -> i32
  "func.return"() : () -> ()
}) {function_type = (i32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'arith.addi' op operand #0 must be signless-integer-like, but got 'f32'}}
  %0 = "arith.addi"(%x, %x) : (f32, f32) -> f32
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32, %y: f64):
  // expected-error @+1 {{'arith.mulf' op requires the same type for all operands and results}}
  %0 = "arith.mulf"(%x, %y) : (f32, f64) -> f32
  "func.return"() : () -> ()
}) {function_type = (f32, f64) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'arith.addf' op expected 2 operands, but found 1}}
  %0 = "arith.addf"(%x) : (f32) -> f32
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

// expected-error @+1 {{'arith.constant' op failed to verify that all of {value, result} have same type}}
%0 = "arith.constant"() {value = 1 : i64} : () -> i32

// -----

// expected-error @+1 {{'arith.constant' op requires attribute 'value'}}
%0 = "arith.constant"() : () -> i32

// -----

"func.func"() ({
^bb0(%i: i32):
  // expected-error @+1 {{'arith.cmpi' op attribute 'predicate' failed to satisfy constraint}}
  %0 = "arith.cmpi"(%i, %i) {predicate = 12 : i64} : (i32, i32) -> i1
  "func.return"() : () -> ()
}) {function_type = (i32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'arith.extf' op operand type 'f32' and result type 'f16' are cast incompatible}}
  %0 = "arith.extf"(%x) : (f32) -> f16
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%i: i32):
  // expected-error @+1 {{'arith.index_cast' op operand type 'i32' and result type 'i64' are cast incompatible}}
  %0 = "arith.index_cast"(%i) : (i32) -> i64
  "func.return"() : () -> ()
}) {function_type = (i32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%c: i1, %x: f32, %y: f64):
  // expected-error @+1 {{'arith.select' op failed to verify that all of {true_value, false_value, result} have same type}}
  %0 = "arith.select"(%c, %x, %y) : (i1, f32, f64) -> f32
  "func.return"() : () -> ()
}) {function_type = (i1, f32, f64) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'arith.cmpf' op result #0 must be bool-like, but got 'i32'}}
  %0 = "arith.cmpf"(%x, %x) {predicate = 1 : i64} : (f32, f32) -> i32
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()
