import Foundation

/// What the figures were measured on: CPU, cores, kernel, load, build configuration.
struct Machine {
    var cpu: String
    var cores: Int
    var kernel: String
    var memory: String
    var compiler: String

    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        var names = utsname()
        uname(&names)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let total = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal") }
            .map { $0.split(separator: " ").dropFirst().first.map(String.init) ?? "?" } ?? "?"
        #if compiler(>=6.3)
        let compiler = "Swift 6.3 or later"
        #elseif compiler(>=6.2)
        let compiler = "Swift 6.2"
        #else
        let compiler = "Swift before 6.2"
        #endif
        return Machine(cpu: model, cores: ProcessInfo.processInfo.activeProcessorCount,
                       kernel: "\(field(names.sysname)) \(field(names.release)) \(field(names.machine))",
                       memory: total == "?" ? "?" : "\((Int(total) ?? 0) / 1024) MB",
                       compiler: compiler)
    }

    /// `/proc/loadavg`'s three averages: other processes compete for the CPUs.
    static func load() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    static var buildConfiguration: String {
        #if DEBUG
        return "debug (figures are not comparable with the targets: use -c release)"
        #else
        return "release"
        #endif
    }

    var description: String {
        "machine: \(cpu), \(cores) cores, \(memory) RAM, \(kernel), \(compiler), \(Self.buildConfiguration) build"
    }
}

/// Peak resident set size of this process so far (`VmHWM`), in megabytes.
func peakResidentMegabytes() -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return .nan }
    return kilobytes / 1024
}
