// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},canonicalize,cse' | FileCheck %s --check-prefix=R8
// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=16},canonicalize,cse' | FileCheck %s --check-prefix=R16
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// The micro-kernel over a packed B panel asks, at each k, for the next B panel's row at that k
// into L2 (localityHint 2, prefetcht1), so that weights read once from memory arrive while the
// A panels multiply the panel before (MatMulKernel.nextPanelLines). Each of the first nv A
// panels to meet a B panel takes one line (vector) of each row; with fewer A panels, each takes
// several. The next panel of the last one is the last one itself.

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "two_a_panels"
// EQUIV: sym_name = "one_a_panel"
// EQUIV: sym_name = "two_a_panels_two_lines"

// Tiles of 6 x 1 vector (8 registers), three B panels of 4 columns: one line per row, column 0,
// of panel min(jp + 1, 2).
// R8-LABEL: "func.func"
// R8-DAG: %[[C0:.*]] = "arith.constant"() {value = 0 : index}
// R8-DAG: %[[C1:.*]] = "arith.constant"() {value = 1 : index}
// R8-DAG: %[[C2:.*]] = "arith.constant"() {value = 2 : index}
// R8: %[[PB:.*]] = "memref.get_global"() {name = @__constant_0} : () -> memref<3x8x4xf32>
// R8: "scf.for"(%{{.*}}, %{{.*}}, %{{.*}}) ({
// R8-NEXT: ^bb0(%[[JP:.*]]: index):
// R8: %[[AFTER:.*]] = "arith.addi"(%[[JP]], %[[C1]])
// R8-NEXT: %[[NEXT:.*]] = "arith.minsi"(%[[AFTER]], %[[C2]])
// R8-NEXT: "scf.for"
// R8-NEXT: ^bb0(%[[K:[^:]*]]: index
// R8-NEXT: "memref.prefetch"(%[[PB]], %[[NEXT]], %[[K]], %[[C0]]) {isDataCache = true, isWrite = false, localityHint = 2 : i32} : (memref<3x8x4xf32>, index, index, index) -> ()
// R8-NEXT: "vector.load"(%[[PB]], %[[JP]], %[[K]], %[[C0]])
// R8: sym_name = "two_a_panels"
"func.func"() ({
^bb0(%a: tensor<12x8xf32>):
  %w = "nn.constant"() {value = dense<[[-0.52, 0.09, -0.26, 0.21, 0.25, -0.87, -0.97, 0.67], [-0.48, -0.53, 0.99, -0.06, 0.67, -0.05, 0.28, -0.70], [0.27, 0.74, 0.05, 0.48, 0.34, -0.87, 0.52, 0.18], [-0.40, -0.94, 0.73, -0.05, 0.44, 0.76, 0.43, 0.84], [-0.21, 0.60, -0.11, 0.87, 0.76, -0.81, -0.73, -0.57], [0.93, -0.13, 0.25, -0.40, 0.01, -0.23, -0.30, 0.17], [0.17, 0.81, 0.36, 0.86, 0.71, 0.98, 0.34, -0.67], [0.72, 0.93, 0.81, 0.14, 0.43, -0.58, 0.66, 0.15], [-0.43, -0.87, 0.71, 0.98, -0.82, 0.60, -0.18, -0.70], [-0.41, 0.54, 0.75, -0.91, 0.23, -0.91, 0.44, -0.34], [0.76, 0.96, 0.01, 1.00, -0.38, -0.85, 0.20, -0.94], [-0.61, -0.18, 0.22, -0.69, -0.92, 0.74, -0.37, 0.92]]> : tensor<12x8xf32>} : () -> tensor<12x8xf32>
  %0 = "nn.gemm"(%a, %w) {trans_b = 1 : i64} : (tensor<12x8xf32>, tensor<12x8xf32>) -> tensor<12x12xf32>
  "func.return"(%0) : (tensor<12x12xf32>) -> ()
}) {function_type = (tensor<12x8xf32>) -> tensor<12x12xf32>, sym_name = "two_a_panels"} : () -> ()

// Tiles of 6 x 2 vectors (16 registers), one A panel and two B panels of 8 columns: the one A
// panel asks for both lines of each row, columns 0 and 4.
// R16-LABEL: sym_name = "two_a_panels"
// R16-DAG: %[[C0:.*]] = "arith.constant"() {value = 0 : index}
// R16-DAG: %[[C4:.*]] = "arith.constant"() {value = 4 : index}
// R16: %[[PB:.*]] = "memref.get_global"() {name = @__constant_{{[0-9]+}}} : () -> memref<2x8x8xf32>
// R16: %[[NEXT:.*]] = "arith.minsi"
// R16-NEXT: "scf.for"
// R16-NEXT: ^bb0(%[[K:[^:]*]]: index
// R16-NEXT: "memref.prefetch"(%[[PB]], %[[NEXT]], %[[K]], %[[C0]]) {{.*}}localityHint = 2
// R16-NEXT: "memref.prefetch"(%[[PB]], %[[NEXT]], %[[K]], %[[C4]]) {{.*}}localityHint = 2
// R16-LABEL: sym_name = "one_a_panel"
"func.func"() ({
^bb0(%a: tensor<6x8xf32>):
  %w = "nn.constant"() {value = dense<[[-0.52, 0.09, -0.26, 0.21, 0.25, -0.87, -0.97, 0.67], [-0.48, -0.53, 0.99, -0.06, 0.67, -0.05, 0.28, -0.70], [0.27, 0.74, 0.05, 0.48, 0.34, -0.87, 0.52, 0.18], [-0.40, -0.94, 0.73, -0.05, 0.44, 0.76, 0.43, 0.84], [-0.21, 0.60, -0.11, 0.87, 0.76, -0.81, -0.73, -0.57], [0.93, -0.13, 0.25, -0.40, 0.01, -0.23, -0.30, 0.17], [0.17, 0.81, 0.36, 0.86, 0.71, 0.98, 0.34, -0.67], [0.72, 0.93, 0.81, 0.14, 0.43, -0.58, 0.66, 0.15], [-0.43, -0.87, 0.71, 0.98, -0.82, 0.60, -0.18, -0.70], [-0.41, 0.54, 0.75, -0.91, 0.23, -0.91, 0.44, -0.34], [0.76, 0.96, 0.01, 1.00, -0.38, -0.85, 0.20, -0.94], [-0.61, -0.18, 0.22, -0.69, -0.92, 0.74, -0.37, 0.92], [0.79, -0.24, -0.08, 0.04, 0.29, 0.19, 0.12, 0.24], [0.88, 0.01, -0.14, 0.44, -0.52, -0.40, 0.96, 0.04], [0.10, -0.98, -0.17, 0.16, -0.96, 0.23, 0.26, -0.88], [0.25, -0.07, 0.36, -0.29, 0.41, 0.48, -0.96, -0.88]]> : tensor<16x8xf32>} : () -> tensor<16x8xf32>
  %0 = "nn.gemm"(%a, %w) {trans_b = 1 : i64} : (tensor<6x8xf32>, tensor<16x8xf32>) -> tensor<6x16xf32>
  "func.return"(%0) : (tensor<6x16xf32>) -> ()
}) {function_type = (tensor<6x8xf32>) -> tensor<6x16xf32>, sym_name = "one_a_panel"} : () -> ()

// Two A panels and two lines per row: A panel ip asks for line ip mod 2, column (ip mod 2) * 4.
// R16-DAG: %[[C2:.*]] = "arith.constant"() {value = 2 : index}
// R16-DAG: %[[C4:.*]] = "arith.constant"() {value = 4 : index}
// R16: "scf.for"
// R16-NEXT: ^bb0(%[[JP:.*]]: index):
// R16-NEXT: "scf.for"
// R16-NEXT: ^bb0(%[[IP:.*]]: index):
// R16: %[[NEXT:.*]] = "arith.minsi"
// R16-NEXT: %[[LINE:.*]] = "arith.remui"(%[[IP]], %[[C2]])
// R16-NEXT: %[[COLUMN:.*]] = "arith.muli"(%[[LINE]], %[[C4]])
// R16-NEXT: "scf.for"
// R16-NEXT: ^bb0(%[[K:[^:]*]]: index
// R16-NEXT: "memref.prefetch"(%{{.*}}, %[[NEXT]], %[[K]], %[[COLUMN]]) {{.*}}localityHint = 2
// R16-NOT: "memref.prefetch"
// R16: "vector.load"
// R16-LABEL: sym_name = "two_a_panels_two_lines"
"func.func"() ({
^bb0(%a: tensor<12x8xf32>):
  %w = "nn.constant"() {value = dense<[[0.35, 0.93, -0.50, -0.09, 0.19, -0.36, -0.27, -0.37], [-0.26, 0.19, -0.40, -0.25, 0.54, -0.95, 0.14, 0.47], [-0.38, -0.55, 0.61, -0.52, -0.63, -0.13, 0.40, -0.80], [-0.36, -0.33, 0.67, -0.12, 0.71, -0.66, -0.33, 0.30], [0.77, -0.10, -0.55, -0.76, 0.06, -0.62, 0.61, 0.68], [-0.63, -0.44, 0.61, 0.28, 0.61, -0.31, -0.74, -0.42], [0.59, -0.46, -0.31, -0.17, -0.16, -0.18, 0.84, -0.69], [-0.99, 0.89, 0.76, 0.97, -0.13, 0.90, 0.85, -0.56], [0.49, 0.67, 0.33, 0.04, -0.42, -0.32, -0.55, -0.86], [0.18, -0.43, 0.62, -0.91, 0.81, 0.39, 0.85, 0.79], [0.80, 0.15, -0.97, 0.49, -0.66, -0.40, 0.33, 0.05], [-0.17, 0.88, 0.22, -0.32, -0.50, 0.72, -0.05, 0.56], [-0.30, -0.61, 0.07, 0.63, -0.66, 0.58, 0.84, 0.61], [0.65, -0.98, 0.26, 0.73, -0.90, -0.46, -0.46, 0.05], [-0.15, -0.05, 0.55, -1.00, -0.89, -0.75, -0.75, -0.86], [0.95, 0.71, -0.83, 0.00, -0.37, -0.37, -0.30, 0.29]]> : tensor<16x8xf32>} : () -> tensor<16x8xf32>
  %0 = "nn.gemm"(%a, %w) {trans_b = 1 : i64} : (tensor<12x8xf32>, tensor<16x8xf32>) -> tensor<12x16xf32>
  "func.return"(%0) : (tensor<12x16xf32>) -> ()
}) {function_type = (tensor<12x8xf32>) -> tensor<12x16xf32>, sym_name = "two_a_panels_two_lines"} : () -> ()
