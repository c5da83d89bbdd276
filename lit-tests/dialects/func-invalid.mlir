// RUN: %sol-opt --split-input-file --verify-diagnostics %s

// expected-error @+1 {{'func.func' op entry block must have 1 arguments to match function signature}}
"func.func"() ({
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

// expected-error @+1 {{'func.func' op type of entry block argument #0('i32') must match the type of the corresponding argument in function signature('f32')}}
"func.func"() ({
^bb0(%x: i32):
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

// expected-error @+1 {{'func.func' op requires attribute 'function_type'}}
"func.func"() ({
  "func.return"() : () -> ()
}) {sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: i32):
  // expected-error @+1 {{type of return operand 0 ('i32') doesn't match function result type ('f32') in function @f}}
  "func.return"(%x) : (i32) -> ()
}) {function_type = (i32) -> f32, sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'func.call' op 'nope' does not reference a valid function}}
  %0 = "func.call"(%x) {callee = @nope} : (f32) -> f32
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
}) {function_type = (i32) -> (), sym_name = "g", sym_visibility = "private"} : () -> ()
"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'func.call' op operand type mismatch: expected operand type 'i32', but provided 'f32' for operand number 0}}
  "func.call"(%x) {callee = @g} : (f32) -> ()
  "func.return"() : () -> ()
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

// expected-error @+1 {{'func.return' op expects parent op 'func.func'}}
"func.return"() : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{'func.return' op must be the last operation in the parent block}}
  "func.return"() : () -> ()
  %0 = "arith.addf"(%x, %x) : (f32, f32) -> f32
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()

// -----

// expected-error @+1 {{'func.func' op symbol declaration cannot have public visibility}}
"func.func"() ({
}) {function_type = () -> (), sym_name = "decl"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f32):
  // expected-error @+1 {{block with no terminator, has}}
  %0 = "arith.addf"(%x, %x) : (f32, f32) -> f32
}) {function_type = (f32) -> (), sym_name = "f"} : () -> ()
