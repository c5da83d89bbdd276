// Input for mlir-parity.mlir: functions, loops, calls and dead symbols.
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: f32):
    "func.return"(%x) : (f32) -> ()
  }) {function_type = (f32) -> f32, sym_name = "id", sym_visibility = "private"} : () -> ()
  "func.func"() ({
  }) {function_type = (f32) -> f32, sym_name = "unused_decl", sym_visibility = "private"} : () -> ()
  "func.func"() ({
  ^bb0(%x: f32):
    "func.return"(%x) : (f32) -> ()
  }) {function_type = (f32) -> f32, sym_name = "dead", sym_visibility = "private"} : () -> ()
  "func.func"() ({
  ^bb0(%m: memref<8xf32>, %n: index, %f: f32):
    %c0 = "arith.constant"() {value = 0 : index} : () -> index
    %c1 = "arith.constant"() {value = 1 : index} : () -> index
    %t = "arith.constant"() {value = true} : () -> i1
    %r = "scf.for"(%c0, %n, %c1, %f) ({
    ^bb0(%i: index, %acc: f32):
      %two = "arith.constant"() {value = 2.0 : f32} : () -> f32
      %k = "arith.mulf"(%f, %two) : (f32, f32) -> f32
      %v = "memref.load"(%m, %i) : (memref<8xf32>, index) -> f32
      %s = "arith.addf"(%v, %k) : (f32, f32) -> f32
      %s2 = "arith.addf"(%acc, %s) : (f32, f32) -> f32
      "scf.yield"(%s2) : (f32) -> ()
    }) : (index, index, index, f32) -> f32
    %y = "scf.if"(%t) ({
      %c = "func.call"(%r) {callee = @id} : (f32) -> f32
      "scf.yield"(%c) : (f32) -> ()
    }, {
      "scf.yield"(%f) : (f32) -> ()
    }) : (i1) -> f32
    %z = "scf.for"(%c0, %c0, %c1, %y) ({
    ^bb0(%i: index, %acc: f32):
      %q = "arith.addf"(%acc, %acc) : (f32, f32) -> f32
      "scf.yield"(%q) : (f32) -> ()
    }) : (index, index, index, f32) -> f32
    "func.return"(%z) : (f32) -> ()
  }) {function_type = (memref<8xf32>, index, f32) -> f32, sym_name = "main"} : () -> ()
}) : () -> ()
