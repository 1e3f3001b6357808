import ArgumentParser

/// The `jixiao` command: the editor and its batch subcommands.
@main
struct Jixiao: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "jixiao",
        abstract: "Edit department budget performance targets (部门预算绩效目标).",
        version: version,
        subcommands: [ImportCommand.self, ExportCommand.self]
    )
}
