import Foundation
import Testing

/// `jixiao import` and `jixiao export` run as a user would: summaries, exit statuses 0/1/2 and
/// written files. The store side is tested once the store is wired (see InterchangeStore.swift).
@Suite struct InterchangeCommandsTests {
    /// Where `swift build` put the binaries: beside the test bundle.
    static let binary: URL? = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while folder.path.contains(".xctest") { folder.deleteLastPathComponent() }
        let url = folder.appendingPathComponent("jixiao")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }()

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/JixiaoInterchangeTests/Fixtures")

    /// Runs `jixiao` with `arguments`; `nil` (reason printed) when the binary was not built.
    static func jixiao(_ arguments: [String]) throws -> (status: Int32, out: String, err: String)? {
        guard let binary else {
            print("skipped: the jixiao binary is not built beside the tests")
            return nil
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    static func temporaryFile(_ name: String, _ data: Data) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-interchange-\(getpid())-\(name)")
        try data.write(to: url)
        return url.path
    }

    @Test func dryRunImportsAndSummarises() throws {
        let pdf = Self.fixtures.appendingPathComponent("pdf-layout.txt").path
        let disclosure = Self.fixtures.appendingPathComponent("budget-disclosure.txt").path
        guard let run = try Self.jixiao(["import", "--dry-run", pdf, disclosure]) else { return }
        #expect(run.status == 0)
        #expect(run.out.contains("pdf-layout.txt: 520101 东湖街道办事处（本级） · 2024年（第 2 行 line 2） · 单位：元"))
        #expect(run.out.contains("2 个项目 projects · 11 个指标 indicators"))
        #expect(run.out.contains("budget-disclosure.txt: 610302 西江区民政局（本级）"))
        #expect(run.out.contains("试运行，未写入 dry run: nothing written (610302-2024)"))
        #expect(run.err.isEmpty)
    }

    @Test func aFailedFileGivesStatusOneAndTheOthersStillImport() throws {
        let empty = try Self.temporaryFile("empty.txt", Data())
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let pdf = Self.fixtures.appendingPathComponent("pdf-layout.txt").path
        guard let run = try Self.jixiao(["import", "--dry-run", empty, pdf]) else { return }
        #expect(run.status == 1)
        #expect(run.err.contains("第 1 行 line 1: 文件是空的 (the file is empty) — 未导入 not imported"))
        #expect(run.out.contains("pdf-layout.txt: 520101"))
    }

    @Test func unusableArgumentsGiveStatusTwo() throws {
        guard let noFiles = try Self.jixiao(["import", "--dry-run"]) else { return }
        #expect(noFiles.status == 2)
        #expect(try Self.jixiao(["import", "--dry-run", "--year", "20x3", "a.txt"])?.status == 2)
        #expect(try Self.jixiao(["export", "--file", "a.json", "--format", "pdf"])?.status == 2)
        #expect(try Self.jixiao(["export", "--format", "md"])?.status == 2)
        #expect(try Self.jixiao(["export", "x-2024", "--file", "a.json", "--format", "md"])?.status == 2)
    }

    @Test func exportsAJSONDocumentFile() throws {
        let example = Self.root.appendingPathComponent("docs/examples/department.json").path
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-interchange-\(getpid()).csv").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        guard let run = try Self.jixiao(["export", "--file", example, "--format", "csv", "--bom", "-o", output]) else { return }
        #expect(run.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self).hasPrefix("单位编码,单位名称,预算年度,"))
        let json = try Self.jixiao(["export", "--file", example, "--format", "json"])
        #expect(json?.out == (try String(contentsOfFile: example, encoding: .utf8)))
        let missing = try Self.jixiao(["export", "--file", "/nonexistent/d.json", "--format", "md"])
        #expect(missing?.status == 1)
    }
}
