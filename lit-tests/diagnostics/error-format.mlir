// Errors print like mlir-opt: file:line:col, the source line, a caret; exit status 1; no Java stack trace.
// RUN: not %sol-opt %s 2>&1 | FileCheck %s
// RUN: not %sol-opt %s > %t.out 2>&1; not grep -q "at dev.sol" %t.out
// RUN: not %sol-opt %t.does-not-exist 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not %sol-opt --no-such-flag %s 2>&1 | FileCheck %s --check-prefix=FLAG

"func.func"() ({
^bb0(%arg0: f32):
  %0 = "arith.addf"(%arg0, %arg0) : (f32, f32) -> f64
  "func.return"(%arg0) : (f32) -> ()
}) {function_type = (f32) -> f32, sym_name = "f"} : () -> ()

// CHECK: error-format.mlir:9:8: error: 'arith.addf' op requires the same type for all operands and results
// CHECK-NEXT: {{^}}  %0 = "arith.addf"(%arg0, %arg0) : (f32, f32) -> f64
// CHECK-NEXT: {{^}}       ^
// MISSING: sol-opt: could not open input file
// FLAG: sol-opt: Unknown option: '--no-such-flag'
