import NNLang
