// Loop-level code that reads the data at indices from an input: nothing bounds them when
// compiling (nn.gather clamps such indices into its axis, so this reads them as they are).
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%d: tensor<5xf32>, %i: tensor<2xi64>):
    %dm = "bufferization.to_memref"(%d) : (tensor<5xf32>) -> memref<5xf32>
    %im = "bufferization.to_memref"(%i) : (tensor<2xi64>) -> memref<2xi64>
    %out = "memref.alloc"() {operand_segment_sizes = array<i32: 0, 0>} : () -> memref<2xf32>
    %c0 = "arith.constant"() {value = 0 : index} : () -> index
    %c1 = "arith.constant"() {value = 1 : index} : () -> index
    %c2 = "arith.constant"() {value = 2 : index} : () -> index
    "scf.for"(%c0, %c2, %c1) ({
    ^bb0(%k: index):
      %raw = "memref.load"(%im, %k) : (memref<2xi64>, index) -> i64
      %at = "arith.index_cast"(%raw) : (i64) -> index
      %v = "memref.load"(%dm, %at) : (memref<5xf32>, index) -> f32
      "memref.store"(%v, %out, %k) : (f32, memref<2xf32>, index) -> ()
      "scf.yield"() : () -> ()
    }) : (index, index, index) -> ()
    %r = "bufferization.to_tensor"(%out) : (memref<2xf32>) -> tensor<2xf32>
    "func.return"(%r) : (tensor<2xf32>) -> ()
  }) {function_type = (tensor<5xf32>, tensor<2xi64>) -> tensor<2xf32>, sym_name = "main"} : () -> ()
}) : () -> ()
