// RUN: %sol-opt %s --split-input-file --cse | FileCheck %s

// Equal pure operations merge; the second load is a repeat with no write in between.
// CHECK: %0 = "arith.addi"(%arg0, %arg1) : (i32, i32) -> i32
// CHECK-NEXT: %1 = "arith.muli"(%0, %0) : (i32, i32) -> i32
// CHECK-NEXT: %2 = "memref.load"(%arg2, %arg3) : (memref<4xi32>, index) -> i32
// CHECK-NEXT: %3 = "arith.addi"(%2, %2) : (i32, i32) -> i32
// CHECK-NEXT: "func.return"(%1, %3) : (i32, i32) -> ()
"func.func"() ({
^bb0(%a: i32, %b: i32, %m: memref<4xi32>, %i: index):
  %0 = "arith.addi"(%a, %b) : (i32, i32) -> i32
  %1 = "arith.addi"(%a, %b) : (i32, i32) -> i32
  %2 = "arith.muli"(%0, %1) : (i32, i32) -> i32
  %l1 = "memref.load"(%m, %i) : (memref<4xi32>, index) -> i32
  %l2 = "memref.load"(%m, %i) : (memref<4xi32>, index) -> i32
  %s = "arith.addi"(%l1, %l2) : (i32, i32) -> i32
  "func.return"(%2, %s) : (i32, i32) -> ()
}) {function_type = (i32, i32, memref<4xi32>, index) -> (i32, i32), sym_name = "merge"} : () -> ()

// -----

// A store between two loads keeps both; values from an enclosing region are reused inside.
// CHECK: %0 = "memref.load"
// CHECK-NEXT: "memref.store"
// CHECK-NEXT: %1 = "memref.load"
// CHECK: "scf.if"
// CHECK-NEXT: "scf.yield"(%2) : (i32) -> ()
"func.func"() ({
^bb0(%m: memref<4xi32>, %i: index, %v: i32, %c: i1):
  %l1 = "memref.load"(%m, %i) : (memref<4xi32>, index) -> i32
  "memref.store"(%v, %m, %i) : (i32, memref<4xi32>, index) -> ()
  %l2 = "memref.load"(%m, %i) : (memref<4xi32>, index) -> i32
  %s = "arith.addi"(%l1, %l2) : (i32, i32) -> i32
  %r = "scf.if"(%c) ({
    %s2 = "arith.addi"(%l1, %l2) : (i32, i32) -> i32
    "scf.yield"(%s2) : (i32) -> ()
  }, {
    "scf.yield"(%v) : (i32) -> ()
  }) : (i1) -> i32
  "func.return"(%s, %r) : (i32, i32) -> ()
}) {function_type = (memref<4xi32>, index, i32, i1) -> (i32, i32), sym_name = "effects"} : () -> ()

// -----

// Statistics count merged and erased operations.
// RUN: %sol-opt %s --split-input-file --cse --pass-statistics 2>&1 >/dev/null | FileCheck %s --check-prefix=STATS
// STATS: ... Pass statistics report ...
// STATS-NEXT: ===---
// STATS-NEXT: cse
// STATS-NEXT: (S) 2 num-cse'd - Number of operations CSE'd
// STATS-NEXT: (S) 0 num-dce'd - Number of operations DCE'd
// STATS: (S) 1 num-cse'd
// STATS: (S) 1 num-cse'd
"func.func"() ({
^bb0(%a: i32):
  %0 = "arith.addi"(%a, %a) : (i32, i32) -> i32
  %1 = "arith.addi"(%a, %a) : (i32, i32) -> i32
  "func.return"(%0, %1) : (i32, i32) -> ()
}) {function_type = (i32) -> (i32, i32), sym_name = "stats"} : () -> ()
