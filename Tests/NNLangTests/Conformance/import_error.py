import math
print(math.floor(1.5))
import no_such_module_nn
