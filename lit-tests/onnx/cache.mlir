// sol-run keeps compiled models in a cache (here %t; by default $SOL_CACHE_DIR, else
// $XDG_CACHE_HOME/sol, else ~/.cache/sol): the second run of the same model loads the machine
// code and prints the same outputs; --no-cache compiles anew.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %sol-run --backend=jit --threads 1 --cache-dir %t --print-timing %S/../../testdata/generated/net_squeezenet/model.onnx --input %S/../../testdata/generated/net_squeezenet/test_data_set_0/input_0.pb | FileCheck %s --check-prefixes=CHECK,COMPILED
// RUN: %sol-run --backend=jit --threads 1 --cache-dir %t --print-timing %S/../../testdata/generated/net_squeezenet/model.onnx --input %S/../../testdata/generated/net_squeezenet/test_data_set_0/input_0.pb | FileCheck %s --check-prefixes=CHECK,CACHED
// RUN: %sol-run --backend=jit --threads 1 --cache-dir %t --no-cache --print-timing %S/../../testdata/generated/net_squeezenet/model.onnx --input %S/../../testdata/generated/net_squeezenet/test_data_set_0/input_0.pb | FileCheck %s --check-prefixes=CHECK,COMPILED
// RUN: ls %t | FileCheck %s --check-prefix=FILES
// sol-cache lists the entry (key, size, when, inputs) and clears the cache:
// RUN: %sol-cache list --cache-dir %t | FileCheck %s --check-prefix=LIST
// RUN: %sol-cache clear --cache-dir %t | FileCheck %s --check-prefix=CLEAR
// RUN: %sol-cache list --cache-dir %t | FileCheck %s --check-prefix=EMPTY
// RUN: ls %t | wc -l | FileCheck %s --check-prefix=NOFILES
// RUN: not %sol-cache purge --cache-dir %t 2>&1 | FileCheck %s --check-prefix=BAD
// LIST: {{^[0-9a-f]+}}  {{[0-9.]+}} MB  {{[0-9T:-]+}}  input tensor<1x3x32x32xf32>
// LIST-NEXT: 1 entry, {{[0-9.]+}} MB in
// CLEAR: removed 1 entry from
// EMPTY: 0 entries, 0.0 MB in
// NOFILES: {{^0$}}
// BAD: sol-cache: error: unknown action 'purge' (expected list or clear)
// COMPILED: compile: {{[0-9.]+}} ms{{$}}
// CACHED: compile: {{[0-9.]+}} ms (machine code from the cache)
// CHECK: output #0 [[NAME:.*]]: tensor<1x10xf32> [0.{{[0-9]+}}
// FILES-COUNT-1: {{^[0-9a-f]{64}\.o$}}
// FILES-NEXT: {{^[0-9a-f]{64}\.properties$}}
// FILES-NEXT: {{^[0-9a-f]{64}\.weights$}}
// FILES-NOT: tmp
