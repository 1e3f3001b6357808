import JixiaoModel
#if canImport(Glibc)
import Glibc
#endif

extension Identity {
    /// The OS account running this process and the groups it holds, from the kernel's
    /// credentials (effective uid, effective gid and supplementary groups). Never from
    /// arguments or the environment: `USER` and `LOGNAME` are whatever the caller set.
    public static func current() -> Identity {
        let uid = geteuid()
        var user = "uid\(uid)"
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name { user = String(cString: name) }
        var ids: [gid_t] = [getegid()]
        let count = getgroups(0, nil)
        if count > 0 {
            var buffer = [gid_t](repeating: 0, count: Int(count))
            let got = getgroups(count, &buffer)
            if got > 0 { ids += buffer.prefix(Int(got)) }
        }
        var groups = Set<String>()
        for gid in ids {
            if let entry = getgrgid(gid), let name = entry.pointee.gr_name {
                groups.insert(String(cString: name))
            } else {
                groups.insert("gid\(gid)")
            }
        }
        return Identity(user: user, groups: groups)
    }
}
