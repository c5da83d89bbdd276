// A user's mistake on the command line gets a message that names the file, flag or input and
// says what to do, and exit status 1; never an internal error or a stack trace.
// RUN: rm -rf %t && mkdir -p %t

// -o into a directory that does not exist, in every tool, before any work is done:
// RUN: not %sol-opt %S/../../examples/mlp.mlir -o %t/missing/out.mlir 2>&1 | FileCheck %s --check-prefix=OUTDIR -DTOOL=sol-opt -DOUT=%t/missing/out.mlir
// RUN: not %sol-import %S/../../testdata/onnx-node/test_relu/model.onnx -o %t/missing/out.mlir 2>&1 | FileCheck %s --check-prefix=OUTDIR -DTOOL=sol-import -DOUT=%t/missing/out.mlir
// RUN: not %sol-translate %S/../../examples/mlp.mlir -o %t/missing/out.ll 2>&1 | FileCheck %s --check-prefix=OUTDIR -DTOOL=sol-translate -DOUT=%t/missing/out.ll
// OUTDIR: [[TOOL]]: error: cannot write -o [[OUT]]: the directory '{{.*}}missing' does not exist
// OUTDIR-NOT: internal error
// RUN: not %sol-opt %S/../../examples/mlp.mlir -o %t 2>&1 | FileCheck %s --check-prefix=OUTISDIR
// OUTISDIR: sol-opt: error: cannot write -o {{.*}}: '{{.*}}' is a directory

// A --print-ir-tree-dir that cannot be created, or written below, fails the run:
// RUN: touch %t/file && not %sol-opt %S/../../examples/mlp.mlir -p canonicalize --print-ir-tree-dir=%t/file/tree 2>&1 | FileCheck %s --check-prefix=TREE
// TREE: sol-opt: error: cannot create --print-ir-tree-dir {{.*}}file/tree: {{.*}}
// RUN: mkdir -p %t/tree && touch %t/tree/builtin_module_no-symbol-name
// RUN: not %sol-opt %S/../../examples/mlp.mlir -p canonicalize --print-ir-tree-dir=%t/tree 2>&1 >/dev/null | FileCheck %s --check-prefix=TREEWRITE
// TREEWRITE: error: cannot write IR dump for pass 'canonicalize'

// sol-run on a missing file, a directory, a missing input file: the name and the reason.
// RUN: not %sol-run %t/missing.onnx 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: sol-run: error: cannot read {{.*}}missing.onnx: no such file
// RUN: not %sol-run %t 2>&1 | FileCheck %s --check-prefix=DIR
// DIR: sol-run: error: cannot read {{.*}}: it is a directory
// RUN: not %sol-run %S/../../testdata/onnx-node/test_relu/model.onnx --input %t/none.pb 2>&1 | FileCheck %s --check-prefix=NOPB
// NOPB: sol-run: error: cannot read {{.*}}none.pb: no such file
// RUN: not %sol-run --onnx-test %t/nocase %t | FileCheck %s --check-prefix=NOCASE
// NOCASE: FAIL {{.*}}nocase: no such directory
// NOCASE-NEXT: FAIL {{.*}}: not a test case folder (no model.onnx)
// NOCASE-NEXT: 0 passed, 2 failed

// The Winograd choices are the JIT's, and --winograd-f4 needs Winograd on.
// RUN: not %sol-run --no-winograd %S/../../testdata/onnx-node/test_relu/model.onnx 2>&1 | FileCheck %s --check-prefix=WINOINTERP
// WINOINTERP: sol-run: error: --no-winograd chooses the JIT's convolution kernels; use it with --backend=jit
// RUN: not %sol-run --backend=jit --no-winograd --winograd-f4 %S/../../testdata/onnx-node/test_relu/model.onnx 2>&1 | FileCheck %s --check-prefix=WINOBOTH
// WINOBOTH: sol-run: error: --winograd-f4 needs Winograd convolutions, which --no-winograd turns off; give one of them

// Inputs are bound by name, then by position to the inputs not named; a wrong name is named, and extra inputs are an error.
// RUN: not %sol-run %S/../../testdata/onnx-node/test_add/model.onnx --input q=%S/../../testdata/onnx-node/test_add/test_data_set_0/input_0.pb --input y=%S/../../testdata/onnx-node/test_add/test_data_set_0/input_1.pb 2>&1 | FileCheck %s --check-prefix=BADNAME
// BADNAME: sol-run: error: --input q: the model has no input 'q'; its inputs are x, y
// RUN: not %sol-run %S/../../testdata/onnx-node/test_relu/model.onnx --input %S/../../testdata/onnx-node/test_relu/test_data_set_0/input_0.pb --input %S/../../testdata/onnx-node/test_relu/test_data_set_0/input_0.pb 2>&1 | FileCheck %s --check-prefix=EXTRA
// EXTRA: sol-run: error: 2 inputs given without a name, but the model has only 1 more: x
// RUN: not %sol-run %S/../../testdata/onnx-node/test_relu/model.onnx --input x=%S/../../testdata/onnx-node/test_relu/test_data_set_0/input_0.pb --input %S/../../testdata/onnx-node/test_relu/test_data_set_0/input_0.pb 2>&1 | FileCheck %s --check-prefix=EXTRA2
// EXTRA2: sol-run: error: 1 input given without a name, but the model's inputs (x) are all given by name
// RUN: not %sol-run %S/../../testdata/onnx-node/test_relu/model.onnx --input x=%S/../../testdata/onnx-node/test_relu/test_data_set_0/input_0.pb --input x=%S/../../testdata/onnx-node/test_relu/test_data_set_0/input_0.pb 2>&1 | FileCheck %s --check-prefix=TWICE
// TWICE: sol-run: error: --input x is given twice
// A positional input goes to the first input not given by name (here y of x - y):
// RUN: %sol-run %S/../../testdata/onnx-node/test_sub/model.onnx --input %S/../../testdata/onnx-node/test_sub/test_data_set_0/input_1.pb --input x=%S/../../testdata/onnx-node/test_sub/test_data_set_0/input_0.pb > %t/mixed.txt
// RUN: %sol-run %S/../../testdata/onnx-node/test_sub/model.onnx --input x=%S/../../testdata/onnx-node/test_sub/test_data_set_0/input_0.pb --input y=%S/../../testdata/onnx-node/test_sub/test_data_set_0/input_1.pb > %t/named.txt
// RUN: diff %t/mixed.txt %t/named.txt

// --shape is for inputs with symbolic dimensions, and must keep the model's fixed ones
// (restating a fixed shape is accepted, changing it is not):
// RUN: %sol-run %S/../../testdata/onnx-node/test_relu/model.onnx --input %S/../../testdata/onnx-node/test_relu/test_data_set_0/input_0.pb --shape x=3,4,5 > %t/restated.txt
// RUN: not %sol-run %S/../../testdata/onnx-node/test_relu/model.onnx --input %S/../../testdata/onnx-node/test_relu/test_data_set_0/input_0.pb --shape x=3,4,6 2>&1 | FileCheck %s --check-prefix=STATIC
// STATIC: sol-run: error: {{.*}}test_relu/model.onnx: graph input 'x' has the fixed shape [3, 4, 5], not [3, 4, 6]; give shapes (--shape, SolOptions.shape) only to inputs with symbolic dimensions
// RUN: not %sol-import %S/Inputs/symbolic_case/model.onnx --shape x=2,4 2>&1 | FileCheck %s --check-prefix=FIXED
// FIXED: sol-import: error: {{.*}}model.onnx: the shape [2, 4] given for graph input 'x' changes dimension #1, which the model fixes to 3: [n, 3]
// RUN: not %sol-import %S/Inputs/symbolic_case/model.onnx --shape x=2,3,1 2>&1 | FileCheck %s --check-prefix=RANK
// RANK: sol-import: error: {{.*}}model.onnx: the shape [2, 3, 1] given for graph input 'x' has rank 3, but the input has rank 2: [n, 3]
// RUN: not %sol-import %S/Inputs/symbolic_case/model.onnx --shape x=2,3 --shape z=1 2>&1 | FileCheck %s --check-prefix=NOTINPUT
// NOTINPUT: sol-import: error: {{.*}}model.onnx: a shape is given for 'z', which is not a graph input
// RUN: not %sol-import %S/Inputs/symbolic_case/model.onnx --shape x=65536,3,65536 2>&1 | FileCheck %s --check-prefix=RANKBIG
// RANKBIG: has rank 3, but the input has rank 2

// Options that do nothing in a mode are refused; --shape works in both.
// RUN: not %sol-run --onnx-test %S/../../testdata/onnx-node/test_relu --repeat 3 2>&1 | FileCheck %s --check-prefix=REPEAT
// REPEAT: sol-run: error: --repeat applies only when running a MODEL; remove it
// RUN: not %sol-run --onnx-test %S/../../testdata/onnx-node/test_relu --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=OUTPUTDIR
// OUTPUTDIR: sol-run: error: --output-dir applies only when running a MODEL; remove it
// RUN: not %sol-run %S/../../testdata/onnx-node/test_relu/model.onnx --atol 1 2>&1 | FileCheck %s --check-prefix=ATOL
// ATOL: sol-run: error: --atol applies only with --onnx-test; remove it
// Without --shape, symbolic dimensions take the shapes of the inputs given (the case's, or --input's):
// RUN: %sol-run --onnx-test %S/Inputs/symbolic_case | FileCheck %s --check-prefix=SYMCASE
// RUN: %sol-run --backend=jit %S/Inputs/symbolic_case/model.onnx --input %S/Inputs/symbolic_case/test_data_set_0/input_0.pb | FileCheck %s --check-prefix=SYMMODEL
// With no input to take them from, the import names the dimension:
// RUN: not %sol-import %S/Inputs/symbolic_case/model.onnx 2>&1 | FileCheck %s --check-prefix=SYMFAIL
// SYMFAIL: sol-import: error: {{.*}}model.onnx: graph input 'x' has symbolic dimension 'n'; give its shape with --shape x=d0,d1,...
// RUN: %sol-run --onnx-test %S/Inputs/symbolic_case --shape x=2,3 | FileCheck %s --check-prefix=SYMCASE
// SYMCASE: PASS symbolic_case
// RUN: %sol-run --backend=jit %S/Inputs/symbolic_case/model.onnx --shape x=2,3 --input %S/Inputs/symbolic_case/test_data_set_0/input_0.pb | FileCheck %s --check-prefix=SYMMODEL
// SYMMODEL: output #0 y: tensor<2x3xf32> [0.0, 2.0, 0.0, 4.0, 0.0, 6.0]
