// arith canonicalization patterns, after MLIR 16's: constants re-associate through addi/subi chains,
// negated comparisons invert, selects of 0/1 become extensions.
// RUN: %sol-opt %s --canonicalize | FileCheck %s
// CHECK-DAG: %[[TRUE:.*]] = "arith.constant"() {value = true} : () -> i1
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0 : i32} : () -> i32
// CHECK-DAG: %[[TWO:.*]] = "arith.constant"() {value = 2 : i32} : () -> i32
// CHECK: %[[NEG:.*]] = "arith.subi"(%[[ZERO]], %arg0) : (i32, i32) -> i32
// CHECK: %[[M:.*]] = "arith.muli"(%[[NEG]], %[[TWO]]) : (i32, i32) -> i32
// CHECK: %[[M2:.*]] = "arith.muli"(%[[M]], %[[TWO]]) : (i32, i32) -> i32
// CHECK: %[[CMP:.*]] = "arith.cmpi"(%arg0, %arg1) {predicate = 5 : i64} : (i32, i32) -> i1
// CHECK: %[[EXT:.*]] = "arith.extui"(%[[CMP]]) : (i1) -> i32
// CHECK: %[[NOT:.*]] = "arith.xori"(%arg2, %[[TRUE]]) : (i1, i1) -> i1
// CHECK: %[[EXT2:.*]] = "arith.extui"(%[[NOT]]) : (i1) -> i32
// CHECK: "func.return"(%[[M2]], %[[EXT]], %[[EXT2]], %arg0) : (i32, i32, i32, i32) -> ()
"func.func"() ({
^bb0(%x: i32, %y: i32, %c: i1):
  %c1 = "arith.constant"() {value = 1 : i32} : () -> i32
  %c2 = "arith.constant"() {value = 2 : i32} : () -> i32
  %c0 = "arith.constant"() {value = 0 : i32} : () -> i32
  %t = "arith.constant"() {value = true} : () -> i1
  %a = "arith.addi"(%x, %c1) : (i32, i32) -> i32
  %b = "arith.addi"(%a, %c2) : (i32, i32) -> i32
  %s = "arith.subi"(%b, %c1) : (i32, i32) -> i32
  %s2 = "arith.subi"(%c2, %s) : (i32, i32) -> i32
  %m = "arith.muli"(%s2, %c2) : (i32, i32) -> i32
  %m2 = "arith.muli"(%m, %c2) : (i32, i32) -> i32
  %cmp = "arith.cmpi"(%x, %y) {predicate = 2 : i64} : (i32, i32) -> i1
  %n = "arith.xori"(%cmp, %t) : (i1, i1) -> i1
  %sel = "arith.select"(%n, %c1, %c0) : (i1, i32, i32) -> i32
  %sel2 = "arith.select"(%c, %c0, %c1) : (i1, i32, i32) -> i32
  %d = "arith.subi"(%x, %y) : (i32, i32) -> i32
  %e = "arith.addi"(%d, %y) : (i32, i32) -> i32
  "func.return"(%m2, %sel, %sel2, %e) : (i32, i32, i32, i32) -> ()
}) {function_type = (i32, i32, i1) -> (i32, i32, i32, i32), sym_name = "f"} : () -> ()
