// RUN: %sol-opt --split-input-file --verify-diagnostics %s

"func.func"() ({
^bb0(%n: index, %x: f32):
  // expected-error @+1 {{'scf.for' op expected body first argument to be an index argument for the induction variable}}
  %0 = "scf.for"(%n, %n, %n, %x) ({
  ^bb0(%i: f32, %acc: f32):
    "scf.yield"(%acc) : (f32) -> ()
  }) : (index, index, index, f32) -> f32
  "func.return"() : () -> ()
}) {function_type = (index, f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%n: index, %x: f32):
  // expected-error @+1 {{'scf.for' op mismatch in number of loop-carried values and defined values}}
  %0:2 = "scf.for"(%n, %n, %n, %x) ({
  ^bb0(%i: index, %acc: f32):
    "scf.yield"(%acc) : (f32) -> ()
  }) : (index, index, index, f32) -> (f32, f32)
  "func.return"() : () -> ()
}) {function_type = (index, f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%n: index, %x: f32):
  // expected-error @+1 {{'scf.for' op operand #0 must be index, but got 'f32'}}
  "scf.for"(%x, %n, %n) ({
  ^bb0(%i: index):
    "scf.yield"() : () -> ()
  }) : (f32, index, index) -> ()
  "func.return"() : () -> ()
}) {function_type = (index, f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%c: i1, %x: f32):
  // expected-error @+1 {{'scf.if' op must have an else block if defining values}}
  %0 = "scf.if"(%c) ({
    "scf.yield"(%x) : (f32) -> ()
  }, {
  }) : (i1) -> f32
  "func.return"() : () -> ()
}) {function_type = (i1, f32) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%c: i1, %x: f32):
  // expected-error @+1 {{'scf.if' op expects region #0 to have 0 or 1 blocks}}
  "scf.if"(%c) ({
  ^bb0:
    "scf.yield"() : () -> ()
  ^bb1:
    "scf.yield"() : () -> ()
  }, {
  }) : (i1) -> ()
  "func.return"() : () -> ()
}) {function_type = (i1, f32) -> (), sym_name = "f"} : () -> ()

// -----

// expected-error @+1 {{'scf.yield' op expects parent op to be one of 'scf.execute_region, scf.for, scf.if, scf.index_switch, scf.parallel, scf.while'}}
"scf.yield"() : () -> ()

// -----

"func.func"() ({
^bb0(%n: index):
  // expected-error @+1 {{'scf.parallel' op expects number of results: 1 to be the same as number of reductions: 0}}
  %0 = "scf.parallel"(%n, %n, %n, %n) ({
  ^bb0(%i: index):
    "scf.yield"() : () -> ()
  }) {operand_segment_sizes = array<i32: 1, 1, 1, 1>} : (index, index, index, index) -> index
  "func.return"() : () -> ()
}) {function_type = (index) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%n: index):
  // expected-error @+1 {{'scf.parallel' op operand count (3) does not match with the total size (4) specified in attribute 'operand_segment_sizes'}}
  "scf.parallel"(%n, %n, %n) ({
  ^bb0(%i: index):
    "scf.yield"() : () -> ()
  }) {operand_segment_sizes = array<i32: 1, 1, 1, 1>} : (index, index, index) -> ()
  "func.return"() : () -> ()
}) {function_type = (index) -> (), sym_name = "f"} : () -> ()
