// A gather whose indices are an input: nothing bounds them when compiling.
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%d: tensor<5xf32>, %i: tensor<2xi64>):
    %0 = "nn.gather"(%d, %i) {axis = 0 : i64} : (tensor<5xf32>, tensor<2xi64>) -> tensor<2xf32>
    "func.return"(%0) : (tensor<2xf32>) -> ()
  }) {function_type = (tensor<5xf32>, tensor<2xi64>) -> tensor<2xf32>, sym_name = "main"} : () -> ()
}) : () -> ()
