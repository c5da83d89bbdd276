// sol-run keeps compiled models in a cache (here %t; by default $SOL_CACHE_DIR, else
// $XDG_CACHE_HOME/sol, else ~/.cache/sol): the second run of the same model loads the machine
// code and prints the same outputs; --no-cache compiles anew.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %sol-run --backend=jit --threads 1 --cache-dir %t --print-timing %S/../../testdata/generated/net_squeezenet/model.onnx --input %S/../../testdata/generated/net_squeezenet/test_data_set_0/input_0.pb | FileCheck %s --check-prefixes=CHECK,COMPILED
// RUN: %sol-run --backend=jit --threads 1 --cache-dir %t --print-timing %S/../../testdata/generated/net_squeezenet/model.onnx --input %S/../../testdata/generated/net_squeezenet/test_data_set_0/input_0.pb | FileCheck %s --check-prefixes=CHECK,CACHED
// RUN: %sol-run --backend=jit --threads 1 --cache-dir %t --no-cache --print-timing %S/../../testdata/generated/net_squeezenet/model.onnx --input %S/../../testdata/generated/net_squeezenet/test_data_set_0/input_0.pb | FileCheck %s --check-prefixes=CHECK,COMPILED
// RUN: ls %t | FileCheck %s --check-prefix=FILES
// COMPILED: compile: {{[0-9.]+}} ms{{$}}
// CACHED: compile: {{[0-9.]+}} ms (machine code from the cache)
// CHECK: output #0 [[NAME:.*]]: tensor<1x10xf32> [0.{{[0-9]+}}
// FILES-COUNT-1: {{^[0-9a-f]{64}\.o$}}
// FILES-NEXT: {{^[0-9a-f]{64}\.properties$}}
// FILES-NOT: tmp
