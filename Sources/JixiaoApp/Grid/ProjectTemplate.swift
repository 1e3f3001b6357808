import JixiaoModel

/// A new project (新建项目) as users should start it: one indicator row per level 2 the
/// department's framework lists, with level 1 and level 2 filled, so the user fills in the
/// table rather than builds it.
public enum ProjectTemplate {
    public static func newProject(name: String, framework: FrameworkEdition,
                                  makeProjectID: () -> String = { StableID.make(prefix: "p") },
                                  makeRowID: () -> String = { StableID.make(prefix: "r") }) -> Project {
        Project(id: makeProjectID(), name: name, indicators: IndicatorFramework.of(framework).templateRows(makeID: makeRowID))
    }
}
