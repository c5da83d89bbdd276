"builtin.module"() ({
  "func.func"() ({
  ^bb0(%m: memref<8xf32>):
    %c0 = "arith.constant"() {value = 0 : index} : () -> index
    %x = "arith.constant"() {value = dense<2.0> : vector<2x[4]xf32>} : () -> vector<2x[4]xf32>
    "func.return"() : () -> ()
  }) {function_type = (memref<8xf32>) -> (), sym_name = "twod"} : () -> ()
}) : () -> ()
