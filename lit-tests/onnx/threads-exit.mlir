// With workers that spin instead of sleeping (OMP_WAIT_POLICY=active), a JVM that ran code on
// two threads must still exit cleanly: LLVM's static destructors dlclose the libraries it
// loaded, and libgomp unmapped under its spinning workers crashed the process at exit (about
// one exit in two, with exit status 0 and an hs_err file). Each run must end after its output.
// RUN: env OMP_WAIT_POLICY=active %sol-run --backend=jit --threads 2 --print-timing %S/../../testdata/onnx-light/light_squeezenet/model.onnx --input %S/../../testdata/onnx-light/light_squeezenet/test_data_set_0/input_0.pb 2>&1 | FileCheck %s --implicit-check-not="fatal error"
// RUN: env OMP_WAIT_POLICY=active %sol-run --backend=jit --threads 2 --print-timing %S/../../testdata/onnx-light/light_squeezenet/model.onnx --input %S/../../testdata/onnx-light/light_squeezenet/test_data_set_0/input_0.pb 2>&1 | FileCheck %s --implicit-check-not="fatal error"
// RUN: env OMP_WAIT_POLICY=active %sol-run --backend=jit --threads 2 --print-timing %S/../../testdata/onnx-light/light_squeezenet/model.onnx --input %S/../../testdata/onnx-light/light_squeezenet/test_data_set_0/input_0.pb 2>&1 | FileCheck %s --implicit-check-not="fatal error"
// CHECK: runs: 1, latency
// CHECK: output #0 softmaxout_1: tensor<1x1000x1x1xf32> [{{.*}}, ...]
// CHECK-NOT: {{.}}
