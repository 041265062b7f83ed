//! Records the git commit the binary is built from, for `agentls --version`. Builds outside a
//! git checkout (a crates.io install) simply have no commit.

fn main() {
    let commit = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|c| !c.is_empty());
    if let Some(commit) = commit {
        println!("cargo:rustc-env=AGENTLS_COMMIT={commit}");
    }
    // A new commit moves HEAD or the branch it points at.
    println!("cargo:rerun-if-changed=../.git/HEAD");
    println!("cargo:rerun-if-changed=../.git/refs/heads");
}
