// SSA dominance and region isolation are verified.
// RUN: %sol-opt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s

"func.func"() ({
^bb0(%arg0: f32):
  // expected-error @+1 {{operand #0 does not dominate this use}}
  %0 = "arith.addf"(%1, %arg0) : (f32, f32) -> f32
  // expected-note @+1 {{operand defined here (op in the same block)}}
  %1 = "arith.addf"(%arg0, %arg0) : (f32, f32) -> f32
  "func.return"(%0) : (f32) -> ()
}) {function_type = (f32) -> f32, sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%c: i1):
  "test.cond_br"(%c)[^bb1, ^bb2] : (i1) -> ()
^bb1:
  // expected-note @+1 {{operand defined here (op in the same region)}}
  %x = "test.def"() : () -> i32
  "test.br"()[^bb3] : () -> ()
^bb2:
  "test.br"()[^bb3] : () -> ()
^bb3:
  // expected-error @+1 {{operand #0 does not dominate this use}}
  "test.use"(%x) : (i32) -> ()
  "func.return"() : () -> ()
}) {function_type = (i1) -> (), sym_name = "g"} : () -> ()

// -----

// Values defined in a block that dominates the use are fine, also in nested regions.
"func.func"() ({
^bb0(%c: i1):
  %x = "test.def"() : () -> i32
  "test.br"()[^bb1] : () -> ()
^bb1:
  "test.region"() ({
    "test.use"(%x) : (i32) -> ()
  }) : () -> ()
  "func.return"() : () -> ()
}) {function_type = (i1) -> (), sym_name = "ok"} : () -> ()

// -----

// Graph regions (builtin.module) allow uses before definitions.
%a = "test.use"(%b) : (i32) -> i32
%b = "test.def"() : () -> i32

