/// Where Enter on a project in the department screen leads: the project screen (项目绩效目标表,
/// indicator grid) comes with the grid feature and plugs in here. It edits the same
/// `DocumentSession` through its `ScreenContext`. Until then there is no project screen and
/// the department screen says so.
public enum ProjectScreenFactory {
    /// The screen editing project `projectID` of the open department, or nil when none exists.
    public static func make(projectID: String) -> (any Screen)? {
        ProjectScreen(projectID: projectID)
    }
}
