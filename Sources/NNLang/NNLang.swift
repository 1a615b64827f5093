// Clients (Notebook, Site, the CLI, tests) import NNLang alone and see the floors below it.
@_exported import NNSyntax
@_exported import NNEngine
