// memref-check-bounds guards every memref and vector access: outside its memref, the access
// does not happen and sol_bounds_error gets the site's location and the failing index.
// RUN: %sol-opt -p memref-check-bounds %s | FileCheck %s
// Loads at indices from an input read outside the data for index 7: with --check-bounds the
// compiled code reports it, naming the load's location (Inputs/check-bounds/indexed-load.mlir).
// RUN: %sol-run --backend=jit --check-bounds %S/Inputs/check-bounds/indexed-load.mlir --input %S/Inputs/check-bounds/data.pb --input %S/Inputs/check-bounds/good.pb | FileCheck %s --check-prefix=GOOD
// GOOD: output #0 output_0: tensor<2xf32> [1.0, 4.0]
// RUN: not %sol-run --backend=jit --check-bounds %S/Inputs/check-bounds/indexed-load.mlir --input %S/Inputs/check-bounds/data.pb --input %S/Inputs/check-bounds/bad.pb 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: sol-run: error: {{.*}}indexed-load.mlir:16:12: 'memref.load' at index 7 is out of bounds for dimension 0 of size 5
// Loop-level code with a wrong index, in the interpreter:
// RUN: not %sol-run --check-bounds %s --input %S/Inputs/check-bounds/data.pb --input %S/Inputs/check-bounds/one.pb 2>&1 | FileCheck %s --check-prefix=INTERP
// INTERP: sol-run: error: {{.*}}check-bounds.mlir:[[@LINE+21]]:10: 'memref.load' at index 5 is out of bounds for dimension 0 of size 5

// CHECK: "func.func"() ({
// CHECK-NEXT: }) {function_type = (memref<[[N:[0-9]+]]xi8>, index, index, index) -> (), sym_name = "sol_bounds_error", sym_visibility = "private"}
// CHECK: "memref.global"() {constant, initial_value = dense<{{.*}}> : tensor<[[N]]xi8>, sym_name = "__sol_bounds_0", sym_visibility = "private", type = memref<[[N]]xi8>}
// CHECK: %[[OK:.*]] = "arith.andi"
// CHECK: %[[V:.*]] = "scf.if"(%[[OK]]) ({
// CHECK-NEXT: %[[L:.*]] = "memref.load"
// CHECK-NEXT: "scf.yield"(%[[L]]) : (f32) -> ()
// CHECK-NEXT: }, {
// CHECK: "memref.get_global"() {name = @__sol_bounds_0}
// CHECK: "func.call"({{.*}}) {callee = @sol_bounds_error}
// CHECK: "scf.yield"(%{{.*}}) : (f32) -> ()
// CHECK: "scf.if"
// CHECK: "memref.store"
// CHECK: "func.call"({{.*}}) {callee = @sol_bounds_error}
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%a: memref<5xf32>, %out: memref<1xf32>):
    %c0 = "arith.constant"() {value = 0 : index} : () -> index
    %c5 = "arith.constant"() {value = 5 : index} : () -> index
    %v = "memref.load"(%a, %c5) : (memref<5xf32>, index) -> f32
    "memref.store"(%v, %out, %c0) : (f32, memref<1xf32>, index) -> ()
    "func.return"() : () -> ()
  }) {function_type = (memref<5xf32>, memref<1xf32>) -> (), sym_name = "main"} : () -> ()
}) : () -> ()
