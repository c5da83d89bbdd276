// Float attributes print exactly as mlir-opt-16 prints them.
// RUN: %sol-opt --allow-unregistered-dialect %s | FileCheck %s

// CHECK: a = 1.000000e+00 : f32
// CHECK-SAME: b = 1.000000e-01 : f32
// CHECK-SAME: c = 3.14159274 : f32
// CHECK-SAME: d = 0x7FC00000 : f32
// CHECK-SAME: e = -0.000000e+00 : f64
// CHECK-SAME: f = 1.000000e+10 : f32
// CHECK-SAME: g = 1.234560e+05 : f32
// CHECK-SAME: h = 1.000000e-01 : f64
// CHECK-SAME: hh = 0.10000000000000002 : f64
// CHECK-SAME: i = 0x7F800000 : f32
// CHECK-SAME: j = 0xFFF0000000000000 : f64
// CHECK-SAME: k = 6.550400e+04 : f16
// CHECK-SAME: l = 1.000000e+00 : f64
// CHECK-SAME: m = 2.000000e+00 : bf16
"test.floats"() {a = 1.0 : f32, b = 0.1 : f32, c = 3.14159265 : f32, d = 0x7FC00000 : f32, e = -0.0, f = 1.0e10 : f32, g = 123456.0 : f32, h = 0.1, hh = 0.10000000000000002, i = 0x7F800000 : f32, j = 0xFFF0000000000000 : f64, k = 65504.0 : f16, l = 1.0, m = 2.0 : bf16} : () -> ()
