// What the C emitter does not translate is named, with its location, and sol-translate exits 1:
// RUN: not %sol-translate --target=ve-c %s 2>&1 | FileCheck %s
// CHECK: error: the C emitter does not translate 'vector.load' ({{.*}}ve-c-errors.mlir":{{[0-9]+}}:{{[0-9]+}})
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%a: memref<16xf32>, %b: memref<16xf32>):
    %c0 = "arith.constant"() {value = 0 : index} : () -> index
    %v = "vector.load"(%a, %c0) : (memref<16xf32>, index) -> vector<16xf32>
    "vector.store"(%v, %b, %c0) : (vector<16xf32>, memref<16xf32>, index) -> ()
    "func.return"() : () -> ()
  }) {function_type = (memref<16xf32>, memref<16xf32>) -> (), sym_name = "copy"} : () -> ()
}) : () -> ()
