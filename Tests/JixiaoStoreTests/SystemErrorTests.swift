import Testing
import JixiaoStore
#if canImport(Glibc)
import Glibc
#endif

/// A permission problem says so, and names the account that was refused.
@Suite struct PermissionMessageTests {
    @Test func eaccesNamesThePathAndTheUser() {
        let user = String(cString: getpwuid(geteuid()).pointee.pw_name)
        let message = SystemError("open", "/srv/jixiao/documents/a.json", code: EACCES).description
        #expect(message.contains("/srv/jixiao/documents/a.json"))
        #expect(message.contains("permission denied for user \(user)"))
        #expect(!message.contains("No such file"))
    }
}
