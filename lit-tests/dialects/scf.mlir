// RUN: %sol-opt %s | FileCheck %s
// RUN: %sol-opt %s | %sol-opt | FileCheck %s

// CHECK-LABEL: "func.func"
"func.func"() ({
^bb0(%n: index, %x: f32, %c: i1, %m: memref<?xf32>):
  %c0 = "arith.constant"() {value = 0 : index} : () -> index
  %c1 = "arith.constant"() {value = 1 : index} : () -> index
  // CHECK: %{{.*}} = "scf.for"(%{{.*}}, %arg0, %{{.*}}, %arg1) ({
  // CHECK-NEXT: ^bb0(%arg4: index, %arg5: f32):
  // CHECK: "scf.yield"(%{{.*}}) : (f32) -> ()
  // CHECK-NEXT: }) : (index, index, index, f32) -> f32
  %sum = "scf.for"(%c0, %n, %c1, %x) ({
  ^bb0(%i: index, %acc: f32):
    %v = "memref.load"(%m, %i) : (memref<?xf32>, index) -> f32
    %a = "arith.addf"(%acc, %v) : (f32, f32) -> f32
    "scf.yield"(%a) : (f32) -> ()
  }) : (index, index, index, f32) -> f32
  // CHECK: "scf.if"
  %r = "scf.if"(%c) ({
    "scf.yield"(%sum) : (f32) -> ()
  }, {
    "scf.yield"(%x) : (f32) -> ()
  }) : (i1) -> f32
  "scf.if"(%c) ({
    "memref.store"(%r, %m, %c0) : (f32, memref<?xf32>, index) -> ()
    "scf.yield"() : () -> ()
  }, {
  }) : (i1) -> ()
  // CHECK: "scf.while"
  // CHECK: "scf.condition"
  %w = "scf.while"(%c0) ({
  ^bb0(%i: index):
    %lt = "arith.cmpi"(%i, %n) {predicate = 2 : i64} : (index, index) -> i1
    "scf.condition"(%lt, %i) : (i1, index) -> ()
  }, {
  ^bb0(%i: index):
    %next = "arith.addi"(%i, %c1) : (index, index) -> index
    "scf.yield"(%next) : (index) -> ()
  }) : (index) -> index
  // CHECK: "scf.parallel"
  // CHECK: "scf.reduce"
  // CHECK: "scf.reduce.return"
  %p = "scf.parallel"(%c0, %n, %c1, %x) ({
  ^bb0(%i: index):
    %v = "memref.load"(%m, %i) : (memref<?xf32>, index) -> f32
    "scf.reduce"(%v) ({
    ^bb0(%l: f32, %rr: f32):
      %s = "arith.addf"(%l, %rr) : (f32, f32) -> f32
      "scf.reduce.return"(%s) : (f32) -> ()
    }) : (f32) -> ()
    "scf.yield"() : () -> ()
  }) {operand_segment_sizes = array<i32: 1, 1, 1, 1>} : (index, index, index, f32) -> f32
  %e = "scf.execute_region"() ({
    "scf.yield"(%p) : (f32) -> ()
  }) : () -> f32
  "func.return"() : () -> ()
}) {function_type = (index, f32, i1, memref<?xf32>) -> (), sym_name = "loops"} : () -> ()
