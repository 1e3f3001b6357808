import Foundation
import JixiaoModel
@testable import JixiaoStore
#if canImport(Glibc)
import Glibc
#endif

/// A fresh store directory under /tmp, removed by `remove()`.
struct TemporaryStore {
    let root: String

    init() {
        var template = Array("/tmp/jixiao-store-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        root = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    func open() throws -> FileDocumentStore { try FileDocumentStore(root: root) }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    func files(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + directory)) ?? []).sorted()
    }
}

/// The probe executable built beside the test bundle.
enum Probe {
    static var path: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // On some layouts the runner lives inside `<name>.xctest/`.
        while directory.path.contains(".xctest") { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("jixiao-store-probe").path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a command to completion.
    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts the probe and waits until it prints its first line.
    static func start(_ arguments: [String]) throws -> (Process, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        return (process, String(decoding: line, as: UTF8.self))
    }

    static func kill(_ process: Process) {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

enum Samples {
    static func department(id: String = "441001-2023", name: String = "西山街道办事处") -> DepartmentDocument {
        DepartmentDocument(
            id: id, fiscalYear: 2023, unitCode: "441001", unitName: name,
            overallGoals: [TextItem(id: "t-1", text: "加强党建")],
            projects: [Project(id: "p-1", code: "X1", name: "社区服务", budget: Amount(canonical: "130.97"),
                               indicators: [IndicatorRow(id: "r-1", level1: "产出指标", name: "服务人次", value: "≥1000人次")])])
    }
}

extension SaveOutcome {
    var revision: Int? {
        if case .saved(let revision) = self { return revision }
        return nil
    }
}
