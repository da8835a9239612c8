//! Where device records come from: an EMM connection, an import, manual entry or the demo.

vocabulary! {
    /// The kind of system a source is.
    SourceKind {
        Demo => "demo",
        Manual => "manual",
        Import => "import",
        Intune => "intune",
        Jamf => "jamf",
        WorkspaceOne => "workspace_one",
    }
}
