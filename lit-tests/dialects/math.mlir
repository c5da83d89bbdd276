// RUN: %sol-opt --split-input-file --verify-diagnostics %s | FileCheck %s

// CHECK: "math.exp"
// CHECK: "math.log"
// CHECK: "math.tanh"
// CHECK: "math.sqrt"
// CHECK: "math.rsqrt"
// CHECK: "math.erf"
// CHECK: "math.absf"
// CHECK: "math.powf"
// CHECK: "math.fma"
"func.func"() ({
^bb0(%x: f32, %v: vector<8xf32>):
  %0 = "math.exp"(%x) : (f32) -> f32
  %1 = "math.log"(%0) : (f32) -> f32
  %2 = "math.tanh"(%1) : (f32) -> f32
  %3 = "math.sqrt"(%2) : (f32) -> f32
  %4 = "math.rsqrt"(%3) : (f32) -> f32
  %5 = "math.erf"(%v) : (vector<8xf32>) -> vector<8xf32>
  %6 = "math.absf"(%4) : (f32) -> f32
  %7 = "math.powf"(%6, %x) : (f32, f32) -> f32
  %8 = "math.fma"(%7, %x, %x) : (f32, f32, f32) -> f32
  "func.return"() : () -> ()
}) {function_type = (f32, vector<8xf32>) -> (), sym_name = "m"} : () -> ()

// -----

"func.func"() ({
^bb0(%i: i32):
  // expected-error @+1 {{'math.exp' op operand #0 must be floating-point-like, but got 'i32'}}
  %0 = "math.exp"(%i) : (i32) -> i32
  "func.return"() : () -> ()
}) {function_type = (i32) -> (), sym_name = "f"} : () -> ()
