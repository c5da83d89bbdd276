// RUN: %compare-builds --before %sol-root --after %sol-root --runs 5 %s | FileCheck %s
// RUN: %compare-builds --before %sol-root --after %sol-root --runs 3 --flush 1 --threads 2 %s | FileCheck %s --check-prefix=FLUSH
// RUN: not %compare-builds --before %sol-root --after %sol-root --bogus %s 2>&1 | FileCheck %s --check-prefix=OPTION
// RUN: not %compare-builds --before %sol-root --after %sol-root --runs many %s 2>&1 | FileCheck %s --check-prefix=RUNS
// RUN: not %compare-builds --before %sol-root --after 2>&1 | FileCheck %s --check-prefix=VALUE
// RUN: not %compare-builds --before %t.nowhere --after %sol-root %s 2>&1 | FileCheck %s --check-prefix=DIR
// RUN: not %compare-builds --before %sol-root --after %sol-root %t.missing.onnx 2>&1 | FileCheck %s --check-prefix=MODEL
// RUN: not %compare-builds --before %sol-root --after %sol-root --before-opts -Dsol.bad=1 %S/Inputs/does-not-parse.mlir 2>&1 | FileCheck %s --check-prefix=DEPLOY

// scripts/compare_builds.sh deploys a model with two builds of SOL (here the same one twice)
// and runs the two libraries alternately in one process (bench/compare/alternate.c): both
// medians and the median ratio of the pairs. Speed is not checked here, only that it runs.
// CHECK: before: median {{[0-9.]+}} us, min {{[0-9.]+}} us
// CHECK-NEXT: after:  median {{[0-9.]+}} us, min {{[0-9.]+}} us
// CHECK-NEXT: after/before: median {{[0-9.]+}} (quartiles {{[0-9.]+}}, {{[0-9.]+}}) over 5 pairs{{$}}
// FLUSH: after/before: median {{[0-9.]+}} (quartiles {{[0-9.]+}}, {{[0-9.]+}}) over 3 pairs, caches flushed before each run
// OPTION: compare_builds.sh: unknown option --bogus
// OPTION-NEXT: usage: compare_builds.sh --before DIR --after DIR
// RUNS: compare_builds.sh: --runs takes a number, got 'many'
// VALUE: compare_builds.sh: --after needs a value
// DIR: compare_builds.sh: {{.*}}.nowhere/bin/sol-deploy not found: --before and --after name SOL checkouts
// MODEL: compare_builds.sh: {{.*}}.missing.onnx: no such file
// DEPLOY: compare_builds.sh: sol-deploy of the before build failed:
// DEPLOY: does-not-parse.mlir
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<4x64xf32>):
    %0 = "nn.relu"(%x) : (tensor<4x64xf32>) -> tensor<4x64xf32>
    %1 = "nn.add"(%0, %x) : (tensor<4x64xf32>, tensor<4x64xf32>) -> tensor<4x64xf32>
    "func.return"(%1) : (tensor<4x64xf32>) -> ()
  }) {arg_attrs = [{onnx.name = "x"}], function_type = (tensor<4x64xf32>) -> tensor<4x64xf32>, res_attrs = [{onnx.name = "y"}], sym_name = "main"} : () -> ()
}) : () -> ()
