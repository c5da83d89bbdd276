"builtin.module"() ({
  %0 = "nn.nothing"() : () -> f32
}) : () -> ()
