/* Runs a deployed library on raw files, for DeployTest. Compiled with -DFUNC=name and
 * -DHEADER='"Lib.h"'; it learns the inputs and outputs from the library's info functions.
 *
 *   driver predict IN... OUT...   FUNC_init(0) and FUNC(NULL, in, out) (one input)
 *   driver run IN... OUT...       FUNC_run with a context
 *   driver threads IN... OUT...   4 threads with their own contexts, 25 runs each, all equal to one run
 *   driver errors                 the API's error codes and messages (on zero inputs), one per line
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include HEADER

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define API(suffix) CAT(FUNC, suffix)

static int num_in, num_out;
static void *in[16], *expect[16];

static void *load(const char *path, size_t bytes) {
  void *p = malloc(bytes + 1);
  FILE *f = fopen(path, "rb");
  if (!p || !f || fread(p, 1, bytes, f) != bytes) { fprintf(stderr, "cannot read %zu bytes from %s\n", bytes, path); exit(2); }
  fclose(f);
  return p;
}

static void store(const char *path, const void *p, size_t bytes) {
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(p, 1, bytes, f) != bytes) { fprintf(stderr, "cannot write %s\n", path); exit(2); }
  fclose(f);
}

static void **outputs(void) {
  void **out = calloc(16, sizeof(void *));
  for (int k = 0; k < num_out; k++) out[k] = calloc(1, API(_output_info)(k)->bytes + 1);
  return out;
}

static void *worker(void *arg) {
  (void) arg;
  void *ctx = API(_ctx_create)();
  void **out = outputs();
  for (int r = 0; r < 25; r++) {
    if (API(_run)(ctx, (const void *const *) in, out) != 0) { fprintf(stderr, "run failed: %s\n", API(_last_error)()); exit(3); }
    for (int k = 0; k < num_out; k++) {
      if (memcmp(out[k], expect[k], API(_output_info)(k)->bytes) != 0) { fprintf(stderr, "thread result differs\n"); exit(4); }
    }
  }
  API(_ctx_destroy)(ctx);
  return NULL;
}

static void errors(void) {
  float dummy[1];
  void *none[16] = {0};
  API(_init)(1);
  printf("init(1): %s\n", API(_last_error)());
  printf("run after init(1): %d %s\n", API(_run)(NULL, (const void *const *) none, none), API(_last_error)());
  API(_init)(0);
  printf("init(0): '%s'\n", API(_last_error)());
  printf("outputs NULL: %d %s\n", API(_run)(NULL, (const void *const *) in, NULL), API(_last_error)());
  printf("output 0 NULL: %d %s\n", API(_run)(NULL, (const void *const *) in, none), API(_last_error)());
  printf("bad ctx: %d %s\n", API(_run)(dummy, (const void *const *) in, none), API(_last_error)());
  FUNC(NULL, (const float *) in[0], (float **) outputs());
  printf("predict: '%s'\n", API(_last_error)());
  int first = API(_seed)(42);
  int second = API(_seed)(7);
  printf("seed: %d %d %d\n", first, second, API(_seed)(0));
  printf("info: %d %d %s %s\n", API(_num_inputs)(), API(_num_outputs)(), API(_input_info)(0)->name, API(_output_info)(-1) ? "?" : "NULL");
  API(_ctx_destroy)(NULL);
}

int main(int argc, char **argv) {
  num_in = API(_num_inputs)();
  num_out = API(_num_outputs)();
  if (argc < 2) { fprintf(stderr, "usage: driver MODE IN... OUT...\n"); return 2; }
  if (strcmp(argv[1], "errors") == 0) {
    for (int i = 0; i < num_in; i++) in[i] = calloc(1, API(_input_info)(i)->bytes + 1);
    errors();
    return 0;
  }
  if (argc != 2 + num_in + num_out) { fprintf(stderr, "expected %d inputs and %d outputs\n", num_in, num_out); return 2; }
  for (int i = 0; i < num_in; i++) in[i] = load(argv[2 + i], API(_input_info)(i)->bytes);
  void **out = outputs();
  API(_init)(0);
  if (strcmp(argv[1], "predict") == 0) {
    FUNC(NULL, (const float *) in[0], (float **) out);
    if (*API(_last_error)()) { fprintf(stderr, "predict failed: %s\n", API(_last_error)()); return 3; }
  } else {
    void *ctx = API(_ctx_create)();
    int status = API(_run)(ctx, (const void *const *) in, out);
    API(_ctx_destroy)(ctx);
    if (status != 0) { fprintf(stderr, "run failed (%d): %s\n", status, API(_last_error)()); return 3; }
    if (strcmp(argv[1], "threads") == 0) {
      pthread_t t[4];
      for (int k = 0; k < num_out; k++) expect[k] = out[k];
      for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, NULL);
      for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    }
  }
  for (int k = 0; k < num_out; k++) store(argv[2 + num_in + k], out[k], API(_output_info)(k)->bytes);
  return 0;
}
