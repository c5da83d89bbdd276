// Input for mlir-parity.mlir: scf.if/scf.for canonicalization (select conversion, if merging, iter-arg folding).
"func.func"() ({
^bb0(%c: i1, %x: f32, %y: f32, %n: index, %m: memref<4xf32>):
  %c0 = "arith.constant"() {value = 0 : index} : () -> index
  %c1 = "arith.constant"() {value = 1 : index} : () -> index
  %r:2 = "scf.if"(%c) ({
    %a = "arith.addf"(%x, %y) : (f32, f32) -> f32
    "scf.yield"(%a, %x) : (f32, f32) -> ()
  }, {
    "scf.yield"(%y, %y) : (f32, f32) -> ()
  }) : (i1) -> (f32, f32)
  "scf.if"(%c) ({
    "memref.store"(%x, %m, %c0) : (f32, memref<4xf32>, index) -> ()
    "scf.yield"() : () -> ()
  }, {
    "scf.yield"() : () -> ()
  }) : (i1) -> ()
  %l:3 = "scf.for"(%c0, %n, %c1, %x, %y, %x) ({
  ^bb0(%i: index, %p: f32, %q: f32, %u: f32):
    %s = "arith.addf"(%p, %r#0) : (f32, f32) -> f32
    %dead = "arith.mulf"(%u, %u) : (f32, f32) -> f32
    "scf.yield"(%s, %q, %dead) : (f32, f32, f32) -> ()
  }) : (index, index, index, f32, f32, f32) -> (f32, f32, f32)
  "func.return"(%r#0, %r#1, %l#0, %l#1) : (f32, f32, f32, f32) -> ()
}) {function_type = (i1, f32, f32, index, memref<4xf32>) -> (f32, f32, f32, f32), sym_name = "f"} : () -> ()
