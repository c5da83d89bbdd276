// Operations of unknown dialects need --allow-unregistered-dialect; unknown ops of known dialects never pass.
// RUN: %sol-opt --split-input-file --verify-diagnostics %s

// expected-error @+1 {{operation being parsed with an unregistered dialect. If this is intended, please use -allow-unregistered-dialect with the MLIR tool used}}
%0 = "foo.relu"() : () -> tensor<4xf32>

// -----

// expected-error @+1 {{unregistered operation 'arith.frobnicate' found in dialect ('arith') that does not allow unknown operations}}
%0 = "arith.frobnicate"() : () -> i32
