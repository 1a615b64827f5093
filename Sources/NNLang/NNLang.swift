@_exported import NNSyntax
import Tensors
