// Custom-syntax MLIR covering the loop-level dialects, written as MLIR users write it.
#id = affine_map<(d0) -> (d0)>
module {
  memref.global "private" constant @bias : memref<4xf32> = dense<[0.5, -0.25, 1.0e-3, 3.0]>
  func.func private @ext(f32) -> f32
  func.func @matmul(%a: memref<4x8xf32>, %b: memref<8x4xf32>, %c: memref<4x4xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    %bias = memref.get_global @bias : memref<4xf32>
    scf.for %i = %c0 to %c4 step %c1 {
      scf.for %j = %c0 to %c4 step %c1 {
        %sum = scf.for %k = %c0 to %c8 step %c1 iter_args(%acc = %zero) -> (f32) {
          %x = memref.load %a[%i, %k] : memref<4x8xf32>
          %y = memref.load %b[%k, %j] : memref<8x4xf32>
          %p = arith.mulf %x, %y fastmath<fast> : f32
          %s = arith.addf %acc, %p : f32
          scf.yield %s : f32
        }
        %bj = memref.load %bias[%j] : memref<4xf32>
        %r = arith.addf %sum, %bj : f32
        %pos = arith.cmpf ogt, %r, %zero : f32
        %relu = arith.select %pos, %r, %zero : f32
        memref.store %relu, %c[%i, %j] : memref<4x4xf32>
      }
    }
    return
  }
  func.func @simd(%m: memref<16xf32>, %x: f32) -> f32 {
    %c0 = arith.constant 0 : index
    %pad = arith.constant 0.0 : f32
    %v = vector.load %m[%c0] : memref<16xf32>, vector<8xf32>
    %b = vector.broadcast %x : f32 to vector<8xf32>
    %f = vector.fma %v, %b, %v : vector<8xf32>
    %t = vector.transfer_read %m[%c0], %pad {in_bounds = [true], permutation_map = #id} : memref<16xf32>, vector<8xf32>
    %e = vector.extract %t[2] : vector<8xf32>
    %ins = vector.insert %e, %f [0] : f32 into vector<8xf32>
    vector.transfer_write %ins, %m[%c0] : vector<8xf32>, memref<16xf32>
    %r = vector.reduction <add>, %ins : vector<8xf32> into f32
    %ex = math.exp %r : f32
    %t2 = math.tanh %ex : f32
    %call = func.call @ext(%t2) : (f32) -> f32
    return %call : f32
  }
  func.func @control(%n: index, %c: i1) -> index {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %r = scf.if %c -> index {
      scf.yield %n : index
    } else {
      %w = scf.while (%i = %c0) : (index) -> index {
        %lt = arith.cmpi slt, %i, %n : index
        scf.condition(%lt) %i : index
      } do {
      ^bb0(%i: index):
        %next = arith.addi %i, %c1 : index
        scf.yield %next : index
      }
      scf.yield %w : index
    }
    %buf = memref.alloc(%n) : memref<?xf32>
    %sub = memref.subview %buf[1] [2] [1] : memref<?xf32> to memref<2xf32, strided<[1], offset: 1>>
    memref.dealloc %buf : memref<?xf32>
    return %r : index
  }
  func.func @graph(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32> {
    %0 = "nn.conv2d"(%x) {strides = [1, 1], pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32> loc("conv1"("model.onnx":1:0))
    %1 = "nn.relu"(%0) : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32> loc(fused["relu1", "model.onnx":2:0])
    return %1 : tensor<1x3x8x8xf32>
  }
}
