/* Calls a deployed VE library's VEO entry point the way a VEO host program does, but in
 * this process: dlopen the .vso, find FUNC_veo and FUNC_veo_arena_bytes, pass every buffer
 * as a 64-bit address. For VeDeployTest, compiled with -DFUNC=name:
 *   veo_host LIB.vso IN.raw IN_BYTES OUT.raw OUT_BYTES      (one input, one output)
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define STR2(x) #x
#define STR(x) STR2(x)

int main(int argc, char **argv) {
  if (argc != 6) { fprintf(stderr, "usage: veo_host LIB.vso IN.raw IN_BYTES OUT.raw OUT_BYTES\n"); return 2; }
  void *lib = dlopen(argv[1], RTLD_NOW);
  if (!lib) { fprintf(stderr, "%s\n", dlerror()); return 2; }
  uint64_t (*arena_bytes)(void) = (uint64_t (*)(void)) dlsym(lib, STR(FUNC) "_veo_arena_bytes");
  uint64_t (*run)(uint64_t, uint64_t, uint64_t) = (uint64_t (*)(uint64_t, uint64_t, uint64_t)) dlsym(lib, STR(FUNC) "_veo");
  if (!arena_bytes || !run) { fprintf(stderr, "the entry points are missing\n"); return 2; }
  size_t in_bytes = strtoul(argv[3], NULL, 10), out_bytes = strtoul(argv[5], NULL, 10);
  void *in = aligned_alloc(64, (in_bytes + 63) / 64 * 64), *out = aligned_alloc(64, (out_bytes + 63) / 64 * 64);
  void *arena = aligned_alloc(64, (arena_bytes() + 63) / 64 * 64 + 64);
  FILE *f = fopen(argv[2], "rb");
  if (!f || fread(in, 1, in_bytes, f) != in_bytes) { fprintf(stderr, "cannot read %s\n", argv[2]); return 2; }
  fclose(f);
  if (run((uint64_t) (uintptr_t) in, (uint64_t) (uintptr_t) out, (uint64_t) (uintptr_t) arena) != 0) { fprintf(stderr, "nonzero return\n"); return 1; }
  f = fopen(argv[4], "wb");
  if (!f || fwrite(out, 1, out_bytes, f) != out_bytes) { fprintf(stderr, "cannot write %s\n", argv[4]); return 2; }
  fclose(f);
  return 0;
}
