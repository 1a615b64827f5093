// OpenBLAS's CBLAS interface (Debian: libopenblas-dev, include dir from pkg-config `openblas`).
#include <cblas.h>
// Declared by OpenBLAS's cblas.h; repeated here so the module does not depend on its include order.
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
