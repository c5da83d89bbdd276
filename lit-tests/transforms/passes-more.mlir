// dce, symbol-dce, inline, loop-invariant-code-motion and sccp on small cases.
// RUN: %sol-opt %s --split-input-file --dce | FileCheck %s --check-prefix=DCE
// RUN: %sol-opt %s --split-input-file --symbol-dce | FileCheck %s --check-prefix=SYM
// RUN: %sol-opt %s --split-input-file --inline | FileCheck %s --check-prefix=INL
// RUN: %sol-opt %s --split-input-file --loop-invariant-code-motion | FileCheck %s --check-prefix=LICM
// RUN: %sol-opt %s --split-input-file --sccp | FileCheck %s --check-prefix=SCCP

// DCE-NOT: "arith.mulf"
// DCE-NOT: "memref.alloc"
// DCE: "memref.store"
// SYM-NOT: sym_name = "unused"
// SYM: sym_name = "used"
// SYM: sym_name = "public_unused"
// SYM: sym_name = "main"
// INL-NOT: "func.call"
// INL-NOT: sym_name = "used"
// INL: sym_name = "public_unused"
// INL: "arith.addf"(%arg0, %arg0)
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: f32):
    %y = "arith.addf"(%x, %x) : (f32, f32) -> f32
    "func.return"(%y) : (f32) -> ()
  }) {function_type = (f32) -> f32, sym_name = "used", sym_visibility = "private"} : () -> ()
  "func.func"() ({
  ^bb0(%x: f32):
    "func.return"(%x) : (f32) -> ()
  }) {function_type = (f32) -> f32, sym_name = "unused", sym_visibility = "private"} : () -> ()
  "func.func"() ({
  ^bb0(%x: f32):
    "func.return"(%x) : (f32) -> ()
  }) {function_type = (f32) -> f32, sym_name = "public_unused"} : () -> ()
  "func.func"() ({
  ^bb0(%x: f32, %m: memref<4xf32>, %i: index):
    %dead = "arith.mulf"(%x, %x) : (f32, f32) -> f32
    %a = "memref.alloc"() {operand_segment_sizes = array<i32: 0, 0>} : () -> memref<4xf32>
    "memref.store"(%x, %m, %i) : (f32, memref<4xf32>, index) -> ()
    %r = "func.call"(%x) {callee = @used} : (f32) -> f32
    "func.return"(%r) : (f32) -> ()
  }) {function_type = (f32, memref<4xf32>, index) -> f32, sym_name = "main"} : () -> ()
}) : () -> ()

// -----

// Invariant pure ops leave the loop; loads and divisions by a non-constant stay.
// LICM: %[[K:.*]] = "arith.mulf"(%arg1, %arg1)
// LICM-NEXT: "scf.for"
// LICM: "arith.divsi"
// LICM: "memref.load"
// LICM: "arith.addf"(%{{.*}}, %[[K]])
// SCCP: "scf.for"
"func.func"() ({
^bb0(%m: memref<8xf32>, %f: f32, %n: index, %d: i32):
  %c0 = "arith.constant"() {value = 0 : index} : () -> index
  %c1 = "arith.constant"() {value = 1 : index} : () -> index
  %c8 = "arith.constant"() {value = 8 : index} : () -> index
  %r = "scf.for"(%c0, %c8, %c1, %f) ({
  ^bb0(%i: index, %acc: f32):
    %k = "arith.mulf"(%f, %f) : (f32, f32) -> f32
    %q = "arith.divsi"(%d, %d) : (i32, i32) -> i32
    %v = "memref.load"(%m, %i) : (memref<8xf32>, index) -> f32
    %s = "arith.addf"(%v, %k) : (f32, f32) -> f32
    "scf.yield"(%s) : (f32) -> ()
  }) : (index, index, index, f32) -> f32
  "func.return"(%r) : (f32) -> ()
}) {function_type = (memref<8xf32>, f32, index, i32) -> f32, sym_name = "licm"} : () -> ()

// -----

// sccp: constants flow through scf.if on a known condition and through loop-carried values.
// SCCP: %[[C:.*]] = "arith.constant"() {value = 3 : i32} : () -> i32
// SCCP: "func.return"(%[[C]], %[[C]]) : (i32, i32) -> ()
"func.func"() ({
^bb0(%n: index):
  %c0 = "arith.constant"() {value = 0 : index} : () -> index
  %c1 = "arith.constant"() {value = 1 : index} : () -> index
  %one = "arith.constant"() {value = 1 : i32} : () -> i32
  %two = "arith.constant"() {value = 2 : i32} : () -> i32
  %t = "arith.cmpi"(%one, %two) {predicate = 2 : i64} : (i32, i32) -> i1
  %x = "scf.if"(%t) ({
    %s = "arith.addi"(%one, %two) : (i32, i32) -> i32
    "scf.yield"(%s) : (i32) -> ()
  }, {
    "scf.yield"(%one) : (i32) -> ()
  }) : (i1) -> i32
  %y = "scf.for"(%c0, %n, %c1, %x) ({
  ^bb0(%i: index, %acc: i32):
    %same = "arith.addi"(%one, %two) : (i32, i32) -> i32
    "scf.yield"(%same) : (i32) -> ()
  }) : (index, index, index, i32) -> i32
  "func.return"(%x, %y) : (i32, i32) -> ()
}) {function_type = (index) -> (i32, i32), sym_name = "sccp"} : () -> ()
