// Pass options change what passes do.
// Without the scf patterns, canonicalize still folds but keeps the zero-trip loop:
// RUN: %sol-opt %s --canonicalize='disable-patterns=SimplifyTrivialLoops' | FileCheck %s --check-prefix=DISABLED
// DISABLED: "scf.for"
// RUN: %sol-opt %s --canonicalize | FileCheck %s --check-prefix=ENABLED
// ENABLED-NOT: "scf.for"
// RUN: %sol-opt %s --canonicalize='enable-patterns=RemoveStaticCondition' | FileCheck %s --check-prefix=ONLY
// ONLY: "scf.for"
// The inliner canonicalizes afterwards unless told not to:
// RUN: %sol-opt %s --inline='default-pipeline=none' | FileCheck %s --check-prefix=NOCANON
// NOCANON: "scf.for"
// NOCANON-NOT: "func.call"
// RUN: %sol-opt %s --inline | FileCheck %s --check-prefix=CANON
// CANON-NOT: "scf.for"
// RUN: not %sol-opt %s --inline='default-pipeline=cse' 2>&1 | FileCheck %s --check-prefix=BADPIPE
// BADPIPE: error: inline: unsupported default-pipeline 'cse' (use canonicalize or none)
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: f32):
    "func.return"(%x) : (f32) -> ()
  }) {function_type = (f32) -> f32, sym_name = "id", sym_visibility = "private"} : () -> ()
  "func.func"() ({
  ^bb0(%f: f32):
    %c0 = "arith.constant"() {value = 0 : index} : () -> index
    %c1 = "arith.constant"() {value = 1 : index} : () -> index
    %z = "scf.for"(%c1, %c0, %c1, %f) ({
    ^bb0(%i: index, %acc: f32):
      %q = "arith.mulf"(%acc, %acc) : (f32, f32) -> f32
      "scf.yield"(%q) : (f32) -> ()
    }) : (index, index, index, f32) -> f32
    %r = "func.call"(%z) {callee = @id} : (f32) -> f32
    "func.return"(%r) : (f32) -> ()
  }) {function_type = (f32) -> f32, sym_name = "main"} : () -> ()
}) : () -> ()
