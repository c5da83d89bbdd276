"func.func"() ({
^bb0(%x: tensor<4x16xf32>):
  %0 = "nn.relu"(%x) : (tensor<4x16xf32>) -> tensor<4x16xf32>
  %1 = "nn.neg"(%0) : (tensor<4x16xf32>) -> tensor<4x16xf32>
  %2 = "nn.exp"(%1) : (tensor<4x16xf32>) -> tensor<4x16xf32>
  %3 = "nn.tanh"(%2) : (tensor<4x16xf32>) -> tensor<4x16xf32>
  "func.return"(%3) : (tensor<4x16xf32>) -> ()
}) {function_type = (tensor<4x16xf32>) -> tensor<4x16xf32>, sym_name = "main"} : () -> ()
