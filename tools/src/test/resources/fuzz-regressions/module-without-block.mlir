"builtin.module"() ({
}) : () -> ()

