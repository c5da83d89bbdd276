// Ops beyond the core set, in MLIR's custom syntax.
func.func @more(%v: vector<4xf32>, %w: vector<4xf32>, %m: memref<8xf32>, %i: index, %a: i32, %x: f32) -> f32 {
  %s = vector.shuffle %v, %w [0, 5, 2, 7] : vector<4xf32>, vector<4xf32>
  %sc = vector.shape_cast %s : vector<4xf32> to vector<2x2xf32>
  %t = vector.transpose %sc, [1, 0] : vector<2x2xf32> to vector<2x2xf32>
  %e = vector.extractelement %v[%i : index] : vector<4xf32>
  %ie = vector.insertelement %e, %w[%i : index] : vector<4xf32>
  %op = vector.outerproduct %v, %w : vector<4xf32>, vector<4xf32>
  %mask = vector.create_mask %i : vector<4xi1>
  %ml = vector.maskedload %m[%i], %mask, %v : memref<8xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  %r = vector.multi_reduction <add>, %op, %v [1] : vector<4x4xf32> to vector<4xf32>
  %ss = vector.extract_strided_slice %v {offsets = [1], sizes = [2], strides = [1]} : vector<4xf32> to vector<2xf32>
  %at = math.atan2 %x, %x : f32
  %ct = math.ctlz %a : i32
  %ab = math.absi %a : i32
  %c0 = arith.constant 0 : index
  %ext:2 = arith.mului_extended %a, %a : i32
  %rank = memref.rank %m : memref<8xf32>
  memref.alloca_scope {
    %tmp = memref.alloca() : memref<4xf32>
    memref.store %x, %tmp[%c0] : memref<4xf32>
  }
  %old = memref.atomic_rmw addf %x, %m[%i] : (f32, memref<8xf32>) -> f32
  %sw = scf.index_switch %i -> f32
  case 1 {
    scf.yield %x : f32
  }
  default {
    scf.yield %at : f32
  }
  return %sw : f32
}
