// Locations print as mlir-opt-16 prints them: op locations as #loc aliases after the IR,
// block argument locations inline.
// RUN: %sol-opt --allow-unregistered-dialect --mlir-print-debuginfo %s | FileCheck %s
// Without the flag, no location is printed.
// RUN: %sol-opt --allow-unregistered-dialect %s | FileCheck %s --check-prefix=NODEBUG

// CHECK: #loc2 = loc("x.py":1:2)
// CHECK-NEXT: "builtin.module"() ({
// CHECK-NEXT: "test.func"(%0) ({
// CHECK-NEXT: ^bb0(%arg0: f32 loc("x.py":1:2)):
// CHECK-NEXT: %1 = "test.a"(%arg0) : (f32) -> f32 loc(#loc3)
// CHECK-NEXT: %2 = "test.b"(%1) : (f32) -> f32 loc(#loc9)
// CHECK-NEXT: %3 = "test.c"(%2) : (f32) -> f32 loc(#loc10)
// CHECK-NEXT: "test.d"() : () -> () loc(#loc7)
// CHECK-NEXT: }) : (f32) -> () loc(#loc1)
// CHECK-NEXT: %0 = "test.v"() : () -> f32 loc(#loc8)
// CHECK-NEXT: }) : () -> () loc(#loc)
// CHECK-NEXT: #loc = loc("{{.*}}locations.mlir":0:0)
// CHECK-NEXT: #loc1 = loc("{{.*}}locations.mlir":{{[0-9]+}}:1)
// CHECK-NEXT: #loc3 = loc("x.py":3:4)
// CHECK-NEXT: #loc4 = loc("callee")
// CHECK-NEXT: #loc5 = loc("x.py":5:6)
// CHECK-NEXT: #loc6 = loc("conv1")
// CHECK-NEXT: #loc7 = loc(unknown)
// CHECK-NEXT: #loc8 = loc("{{.*}}locations.mlir":{{[0-9]+}}:6)
// CHECK-NEXT: #loc9 = loc(callsite(#loc4 at #loc5))
// CHECK-NEXT: #loc10 = loc(fused[#loc6, #loc3])
// NODEBUG-NOT: loc(
"test.func"(%v) ({
^bb0(%a: f32 loc("x.py":1:2)):
  %0 = "test.a"(%a) : (f32) -> f32 loc("x.py":3:4)
  %1 = "test.b"(%0) : (f32) -> f32 loc(callsite("callee" at "x.py":5:6))
  %2 = "test.c"(%1) : (f32) -> f32 loc(#fused)
  "test.d"() : () -> () loc(unknown)
}) : (f32) -> ()
%v = "test.v"() : () -> f32
#fused = loc(fused["conv1", "x.py":3:4])
