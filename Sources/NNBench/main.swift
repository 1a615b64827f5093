import Foundation

if CommandLine.arguments.count == 3 && CommandLine.arguments[1] == "nn" {
    exit(LangBench.run(CommandLine.arguments[2]))
}
print("bench")
