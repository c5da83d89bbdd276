/*
 * Runs two builds of one network, deployed as C libraries by sol-deploy, in one process,
 * alternating run by run, and prints each one's median latency and the median of the per-pair
 * ratios after/before with its quartiles. Alternating in one process exposes both builds to
 * the same state of the machine (frequency, neighbours, caches), which on a shared machine
 * moves single runs by 10-25% within minutes: far more than most changes of a kernel.
 *
 *   alternate BEFORE.so AFTER.so RUNS [FLUSH_MIB]
 *
 * FLUSH_MIB > 0 writes that many MiB before every run, so that each run starts with cold
 * caches, as a layer meets them inside a network. Inputs are filled with a fixed pattern
 * (see buffers); both libraries must have the same inputs and outputs.
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
  const char* name;
  int type;
  int rank;
  const int64_t* shape;
  int64_t size;
  size_t bytes;
} tensor_info;

typedef struct {
  void (*init)(int);
  int (*run)(void*, const void* const*, void* const*);
  const char* (*last_error)(void);
  int (*num_inputs)(void);
  int (*num_outputs)(void);
  const tensor_info* (*input_info)(int);
  const tensor_info* (*output_info)(int);
} library;

static void* symbol(void* handle, const char* path, const char* name) {
  void* s = dlsym(handle, name);
  if (!s) {
    fprintf(stderr, "alternate: %s has no %s: not a library from sol-deploy\n", path, name);
    exit(2);
  }
  return s;
}

static library load(const char* path) {
  void* h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    fprintf(stderr, "alternate: %s\n", dlerror());
    exit(2);
  }
  library l;
  l.init = (void (*)(int))symbol(h, path, "predict_init");
  l.run = (int (*)(void*, const void* const*, void* const*))symbol(h, path, "predict_run");
  l.last_error = (const char* (*)(void))symbol(h, path, "predict_last_error");
  l.num_inputs = (int (*)(void))symbol(h, path, "predict_num_inputs");
  l.num_outputs = (int (*)(void))symbol(h, path, "predict_num_outputs");
  l.input_info = (const tensor_info* (*)(int))symbol(h, path, "predict_input_info");
  l.output_info = (const tensor_info* (*)(int))symbol(h, path, "predict_output_info");
  l.init(0);
  return l;
}

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int by_value(const void* a, const void* b) {
  double x = *(const double*)a, y = *(const double*)b;
  return x < y ? -1 : x > y;
}

/* ONNX's element types, as the libraries' headers number them. */
enum { TYPE_FLOAT = 1, TYPE_DOUBLE = 11 };

/*
 * One buffer per tensor. Inputs of floats get values spread over [-1, 1) (arbitrary bytes would
 * make denormals, which x86 computes tens of times slower); other inputs are zeros (valid
 * indices and shapes); outputs are zeros.
 */
static void** buffers(int n, const tensor_info* (*info)(int), int fill) {
  void** b = calloc(n > 0 ? n : 1, sizeof(void*));
  for (int i = 0; i < n; i++) {
    const tensor_info* t = info(i);
    b[i] = aligned_alloc(64, (t->bytes + 63) / 64 * 64 + 64);
    memset(b[i], 0, t->bytes);
    for (int64_t j = 0; fill && j < t->size; j++) {
      double v = (double)(j * 7919 % 1000) / 500 - 1;
      if (t->type == TYPE_FLOAT) ((float*)b[i])[j] = (float)v;
      if (t->type == TYPE_DOUBLE) ((double*)b[i])[j] = v;
    }
  }
  return b;
}

static void run(const library* l, const char* path, void** in, void** out) {
  if (l->run(NULL, (const void* const*)in, (void* const*)out) != 0) {
    fprintf(stderr, "alternate: %s: %s\n", path, l->last_error());
    exit(1);
  }
}

int main(int argc, char** argv) {
  if (argc < 4 || atoi(argv[3]) < 1) {
    fprintf(stderr, "usage: alternate BEFORE.so AFTER.so RUNS [FLUSH_MIB]\n");
    return 2;
  }
  library lib[2] = {load(argv[1]), load(argv[2])};
  const char* path[2] = {argv[1], argv[2]};
  int n = atoi(argv[3]);
  size_t flush = argc > 4 ? (size_t)atol(argv[4]) << 20 : 0;
  int inputs = lib[0].num_inputs(), outputs = lib[0].num_outputs();
  if (lib[1].num_inputs() != inputs || lib[1].num_outputs() != outputs) {
    fprintf(stderr, "alternate: the two libraries have different inputs or outputs\n");
    return 2;
  }
  for (int i = 0; i < inputs; i++) {
    if (lib[1].input_info(i)->bytes != lib[0].input_info(i)->bytes) {
      fprintf(stderr, "alternate: input %d differs between the two libraries\n", i);
      return 2;
    }
  }
  void** in = buffers(inputs, lib[0].input_info, 1);
  void** out = buffers(outputs, lib[0].output_info, 0);
  unsigned char* junk = flush ? malloc(flush) : NULL;
  if (junk) memset(junk, 1, flush);
  for (int i = 0; i < 3; i++) {
    run(&lib[0], path[0], in, out);
    run(&lib[1], path[1], in, out);
  }
  double* t[2] = {malloc(n * sizeof(double)), malloc(n * sizeof(double))};
  double* ratio = malloc(n * sizeof(double));
  for (int i = 0; i < n; i++) {
    // Pairs take turns at going first, so that neither build always follows the other.
    for (int j = 0; j < 2; j++) {
      int which = (i + j) % 2;
      if (junk) for (size_t q = 0; q < flush; q += 64) junk[q]++;
      double a = now_us();
      run(&lib[which], path[which], in, out);
      t[which][i] = now_us() - a;
    }
    ratio[i] = t[1][i] / t[0][i];
  }
  qsort(t[0], n, sizeof(double), by_value);
  qsort(t[1], n, sizeof(double), by_value);
  qsort(ratio, n, sizeof(double), by_value);
  printf("before: median %.1f us, min %.1f us\n", t[0][n / 2], t[0][0]);
  printf("after:  median %.1f us, min %.1f us\n", t[1][n / 2], t[1][0]);
  printf("after/before: median %.3f (quartiles %.3f, %.3f) over %d pairs%s\n", ratio[n / 2], ratio[n / 4], ratio[3 * n / 4], n,
         junk ? ", caches flushed before each run" : "");
  return 0;
}
