// RUN: %sol-opt %s | FileCheck %s

// CHECK: "func.func"() ({
// CHECK-NEXT: }) {function_type = (f32) -> f32, sym_name = "ext", sym_visibility = "private"} : () -> ()
"func.func"() ({
}) {function_type = (f32) -> f32, sym_name = "ext", sym_visibility = "private"} : () -> ()
// CHECK-NEXT: %1:2 = "func.call"(%0) {callee = @pair} : (f32) -> (f32, f32)
// CHECK-NEXT: "func.return"(%1#1) : (f32) -> ()
"func.func"() ({
^bb0(%x: f32):
  %0 = "func.call"(%x) {callee = @ext} : (f32) -> f32
  %1:2 = "func.call"(%0) {callee = @pair} : (f32) -> (f32, f32)
}) {function_type = (f32) -> f32, sym_name = "caller"} : () -> ()
"func.func"() ({
^bb0(%x: f32):
  "func.return"(%x, %x) : (f32, f32) -> ()
}) {functio7n_type = (f32) -> (f32, f32), sym_name = "pair"} : () -> ()
